//! Page furniture: lines a copied news page carries that are not part of the story
//! (banners, image credits, ads, cross-links, share prompts, agency and editing credits).

/// Lines that are furniture when they are the whole line (compared lowercase, without
/// trailing punctuation).
const WHOLE_LINES: &[&str] = &[
    "ugc_banner",
    "skip to main content",
    "skip to content",
    "menu",
    "search",
    "home",
    "sign in",
    "log in",
    "main img",
    "advertisement",
    "advertisment",
    "ad",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading",
    "continue reading below",
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "related stories",
    "related articles",
    "recommended",
    "trending",
    "share",
    "share this",
    "share this article",
    "share this story",
    "save",
    "copy link",
    "link copied",
    "print",
    "email",
    "comments",
    "view comments",
    "follow us",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign up for our newsletter",
    "listen to this article",
    "listen",
    "watch",
    "video",
    "skip advertisement",
    "(with inputs from agencies)",
    "with inputs from agencies",
    "(with agency inputs)",
    "with agency inputs",
    "continue reading the main story",
    "continue reading the story",
    "story continues below",
    "tags",
    "topics",
    "filed under",
    "share on facebook",
    "share on twitter",
    "share on whatsapp",
    "share via email",
    "tweet",
    "pin it",
    "play video",
    "replay video",
    "watch video",
    "now watching",
    "video not available",
    "captions will look like this",
    "more on this story",
    "you may also like",
    "you might also like",
    "related coverage",
    "most popular",
    "most read",
    "recommended for you",
];

/// Lines that are furniture when they start with one of these (compared lowercase).
const PREFIXES: &[&str] = &[
    "photograph:",
    "photograph |",
    "photo:",
    "photo |",
    "photos:",
    "image:",
    "image credit",
    "image source:",
    "picture:",
    "file photo",
    "(photo",
    "(file photo",
    "also read:",
    "also read |",
    "also read -",
    "read also:",
    "read more:",
    "read more |",
    "read |",
    "read:",
    "watch:",
    "watch |",
    "listen:",
    "follow us on",
    "follow our",
    "subscribe to",
    "sign up for",
    "sign up to",
    "click here",
    "download the",
    "(with inputs from",
    "with inputs from",
    "reporting by ",
    "additional reporting by ",
    "editing by ",
    "writing by ",
    "compiled by ",
    "(reporting by ",
    "filed under:",
    "tags:",
    "topics:",
    "your video will play in",
    "next video starts in",
    "media caption",
    "image copyright",
    "image caption",
    "you may also like:",
    "you might also like:",
    "related:",
];

/// Lines longer than this are prose, whatever they start with.
const MAX_FURNITURE_CHARS: usize = 300;

/// True when `line` is page furniture that must not reach the body.
pub fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_FURNITURE_CHARS {
        return false;
    }
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches([':', '|', '.', ' ', '\u{bb}', '>', '\u{2192}']);
    WHOLE_LINES.contains(&bare)
        || PREFIXES.iter().any(|prefix| lower.starts_with(prefix))
        || is_relative_time(bare)
        || is_aggregator_footer(&lower)
        || is_counter(bare)
        || is_bracketed_promo(line)
}

/// "Image 1 of 8", "Photo 3 of 12", "Slide 2/9", "1/50", "(1 of 8)": a slideshow's count.
fn is_counter(line: &str) -> bool {
    let line = line.trim_matches(['(', ')']);
    let words: Vec<&str> = line.split_whitespace().collect();
    let number = |word: &str| !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
    let fraction = |word: &str| {
        word.split_once('/')
            .is_some_and(|(a, b)| number(a) && number(b))
    };
    let label = |word: &str| matches!(word, "image" | "photo" | "picture" | "slide" | "gallery");
    match words[..] {
        [one] => fraction(one),
        [name, one] => label(name) && fraction(one),
        [a, "of", b] => number(a) && number(b),
        [name, a, "of", b] => label(name) && number(a) && number(b),
        _ => false,
    }
}

/// "[What you need to know about the talks]": a promo link set in brackets as a line.
fn is_bracketed_promo(line: &str) -> bool {
    line.starts_with('[')
        && line.ends_with(']')
        && line.len() > 2
        && !line[1..line.len() - 1].contains(['[', ']'])
        && line.split_whitespace().count() <= 20
}

/// What link aggregators append to each item: a line of bracketed link labels
/// ("[link] [comments]") and the poster's credit ("submitted by /u/name").
fn is_aggregator_footer(line: &str) -> bool {
    let labels = line.split_whitespace().all(|word| {
        word.len() > 2 && word.starts_with('[') && word.ends_with(']') && !word[1..].contains('[')
    });
    let credit = line
        .strip_prefix("submitted by ")
        .is_some_and(|who| who.split_whitespace().count() <= 3);
    labels || credit
}

/// "2 hours ago", "35 minutes ago": a page's age stamp, meaningless once copied.
fn is_relative_time(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let units = [
        "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days",
    ];
    matches!(words[..], [count, unit, "ago"] if count.bytes().all(|b| b.is_ascii_digit()) && units.contains(&unit))
}

#[cfg(test)]
mod tests {
    use super::is_furniture;

    #[test]
    fn recognises_common_furniture() {
        for line in [
            "ugc_banner",
            "skip to main content",
            "skip to content",
            "menu",
            "search",
            "home",
            "sign in",
            "log in",
            "main img",
            "Photograph:(AFP)",
            "Photo: AP",
            "Advertisement",
            "Also read: Canada imposes fresh sanctions",
            "READ MORE",
            "READ | Germany pushes vote on access",
            "(With inputs from agencies)",
            "Reporting by Ana Ruiz; Editing by Tom Hale",
            "Sign up for our newsletter",
            "Follow us on X",
            "Share",
            "2 hours ago",
            "[link] [comments]",
            "[comments]",
            "submitted by /u/harbour_watcher",
            "Continue reading the main story",
            "Image 1 of 8",
            "(3 of 12)",
            "12/50",
            "Your video will play in 00:25",
            "[What you need to know about the vote]",
            "Filed under: Economy, Debt",
            "Tags: trade, tariffs",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn keeps_prose_and_headings() {
        for line in [
            "Photographers gathered outside the ministry on Tuesday.",
            "Readers in Nairobi reacted with alarm.",
            "'Red lines'",
            "Share prices fell 3 per cent after the announcement.",
            "Advertisement revenue has collapsed, the ministry said.",
            "Two hours ago the talks collapsed.",
            "[Updated] Talks resumed on Monday.",
            "Submitted by the ministry, the plan was approved by parliament on Tuesday.",
            "1 of 8 ministers resigned.",
            "Image rights were debated in parliament.",
            "[Updated] Talks resumed; a [second] round follows.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }
}
