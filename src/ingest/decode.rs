//! Bytes to text: rejects empty and binary files, decodes UTF-8 (lossily, with a warning).

use super::IngestError;

/// How much of the start of a file is inspected to tell text from binary.
const SNIFF_LEN: usize = 8192;

/// Decoded text and any warning worth showing the user.
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decodes `bytes` as UTF-8 text; empty, blank and binary input are errors.
pub fn decode(bytes: &[u8]) -> Result<Decoded, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if looks_binary(&bytes[..bytes.len().min(SNIFF_LEN)]) {
        return Err(IngestError::Binary);
    }
    match String::from_utf8_lossy(bytes) {
        std::borrow::Cow::Borrowed(text) => Ok(Decoded {
            text: text.to_string(),
            warning: None,
        }),
        std::borrow::Cow::Owned(text) => Ok(Decoded {
            text,
            warning: Some("invalid UTF-8 decoded lossily".to_string()),
        }),
    }
}

/// True when the sample holds a NUL byte, or more than a tenth of it is control bytes or
/// bytes that are not valid UTF-8.
fn looks_binary(sample: &[u8]) -> bool {
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    let invalid = String::from_utf8_lossy(sample)
        .chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count();
    (controls + invalid) * 10 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_are_empty() {
        assert!(matches!(decode(b""), Err(IngestError::Empty)));
        assert!(matches!(decode(b" \r\n\t"), Err(IngestError::Empty)));
    }

    #[test]
    fn nul_bytes_and_noise_are_binary() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(IngestError::Binary)
        ));
        let noise: Vec<u8> = (0..400u32)
            .map(|i| (i * 37 % 256) as u8)
            .filter(|&b| b != 0)
            .collect();
        assert!(matches!(decode(&noise), Err(IngestError::Binary)));
    }

    #[test]
    fn stray_invalid_byte_is_a_warning() {
        let decoded = decode(b"Caf\xe9 talks resume in Geneva after a long pause").unwrap();
        assert_eq!(
            decoded.text,
            "Caf\u{fffd} talks resume in Geneva after a long pause"
        );
        assert_eq!(
            decoded.warning.as_deref(),
            Some("invalid UTF-8 decoded lossily")
        );
    }
}
