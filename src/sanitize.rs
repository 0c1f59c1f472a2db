//! Hostile-text defence: removes everything that could move a terminal's cursor,
//! change its state or reorder what is shown, before text is stored or drawn.

/// Returns `text` without terminal control sequences, control characters
/// (C0 except tab and newline, DEL, C1), bidi overrides and isolates, and
/// invisible zero-width characters and soft hyphens (so "Vladi\u{ad}mir" is one word). CRLF and lone CR become newlines; Unicode
/// line and paragraph separators become newlines too.
pub fn clean_text(text: &str) -> String {
    // Most text has nothing to strip: check its bytes without building it char by char.
    if !needs_cleaning(text.as_bytes()) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape_sequence(&mut chars),
            // 8-bit CSI: parameters up to a final byte.
            '\u{9b}' => skip_csi_body(&mut chars),
            // 8-bit OSC, DCS, SOS, PM, APC: a string up to ST or BEL.
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_control_string(&mut chars),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' | '\n' => out.push(c),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether UTF-8 `bytes` hold a character [`clean_text`] strips or replaces: a control
/// character but tab and newline (so CR too), or the UTF-8 form of one of the other
/// characters [`is_forbidden`] lists, or a line or paragraph separator. Reads bytes,
/// not characters: nearly every byte is plain text that one comparison passes.
fn needs_cleaning(bytes: &[u8]) -> bool {
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        at += 1;
        let next = |n: usize| bytes.get(at + n).copied().unwrap_or(0);
        let found = match byte {
            b'\t' | b'\n' => false,
            0..=0x1f | 0x7f => true,
            0x20..=0x7e => false,
            // U+0080..U+009F, U+00AD.
            0xc2 => matches!(next(0), 0x80..=0x9f | 0xad),
            // U+180E.
            0xe1 => (next(0), next(1)) == (0xa0, 0x8e),
            // U+200B, U+2028..U+202E, U+2060, U+2066..U+2069.
            0xe2 => matches!(
                (next(0), next(1)),
                (0x80, 0x8b) | (0x80, 0xa8..=0xae) | (0x81, 0xa0) | (0x81, 0xa6..=0xa9)
            ),
            // U+FEFF, U+FFF9..U+FFFB.
            0xef => matches!((next(0), next(1)), (0xbb, 0xbf) | (0xbf, 0xb9..=0xbb)),
            _ => false,
        };
        if found {
            return true;
        }
    }
    false
}

/// True for a character that must never reach storage or the screen.
fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{180e}' | '\u{fff9}'..='\u{fffb}')
}

/// Skips what follows an ESC: CSI, OSC and other control strings, or one intermediate/final char.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_control_string(chars);
        }
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            // nF sequence: intermediates, then one final byte.
            while matches!(chars.peek(), Some(c) if ('\u{20}'..='\u{2f}').contains(c)) {
                chars.next();
            }
            chars.next();
        }
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips CSI parameter and intermediate bytes and the final byte.
fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        chars.next();
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
        if !('\u{20}'..='\u{3f}').contains(&c) {
            // Malformed: stop at anything that is not a parameter byte.
            return;
        }
    }
}

/// Skips an OSC/DCS-style string up to BEL, ESC \ or the 8-bit ST.
fn skip_control_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// `text` cleaned and on one line, its runs of white space made single spaces.
pub fn one_line(text: &str) -> String {
    clean_text(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::{clean_text, is_forbidden, needs_cleaning};

    /// What [`needs_cleaning`] answers, character by character.
    fn holds_a_stripped_character(text: &str) -> bool {
        text.chars().any(|c| {
            !matches!(c, '\t' | '\n') && (is_forbidden(c) || matches!(c, '\u{2028}' | '\u{2029}'))
        })
    }

    #[test]
    fn the_byte_check_agrees_with_the_characters() {
        let plain = "Talks in Zürich — “soon”, said Ana: ‘maybe’ … 5 €, ½, 日本, 🙂";
        let mut samples = vec![plain.to_string(), String::new()];
        for c in (0u32..0x3000)
            .chain(0xfe00..0x10000)
            .filter_map(char::from_u32)
        {
            samples.push(format!("{plain}{c}"));
            samples.push(format!("{c}x"));
        }
        for text in samples {
            assert_eq!(
                needs_cleaning(text.as_bytes()),
                holds_a_stripped_character(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn strips_csi_osc_and_controls() {
        let hostile = "a\u{1b}[31mred\u{1b}[0m b\u{1b}]0;title\u{7} c\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\ d\u{9b}2J e\u{0}\u{7f}\u{85}f";
        assert_eq!(
            clean_text(hostile),
            "ared b clink d e f".replace(" e f", " ef")
        );
    }

    #[test]
    fn strips_bidi_and_zero_width_keeps_text() {
        assert_eq!(
            clean_text("\u{feff}Kyiv\u{202e}abc\u{2066}d\u{200b}e"),
            "Kyivabcde"
        );
        assert_eq!(clean_text("Vladi\u{ad}mir Pu\u{ad}tin"), "Vladimir Putin");
        assert_eq!(
            clean_text("Wang Yi — “quote” 王毅 ✓"),
            "Wang Yi — “quote” 王毅 ✓"
        );
    }

    #[test]
    fn normalises_line_ends() {
        assert_eq!(clean_text("a\r\nb\rc\u{2029}d\te"), "a\nb\nc\nd\te");
    }

    #[test]
    fn unterminated_sequences_do_not_leak() {
        assert_eq!(clean_text("x\u{1b}]52;c;SGVsbG8="), "x");
        assert_eq!(clean_text("x\u{1b}"), "x");
        assert_eq!(clean_text("x\u{1b}[12;"), "x");
    }
}
