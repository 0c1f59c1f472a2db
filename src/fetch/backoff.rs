//! Backoff: a feed that keeps failing is tried less and less often, and a server that
//! says when to come back (`Retry-After`) is left alone until then.

use std::time::Duration;

use jiff::Timestamp;
use jiff::fmt::rfc2822::DateTimeParser;

/// The wait after the second failure in a row; it doubles with each further failure.
const FIRST_WAIT: Duration = Duration::from_secs(15 * 60);
/// The longest wait between tries of a failing feed.
const LONGEST_WAIT: Duration = Duration::from_secs(24 * 60 * 60);
/// The longest `Retry-After` honoured (a server cannot silence a feed for a year).
const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// Unix seconds before which a feed that has now failed `failures` times in a row is
/// not tried again; `None` when it may be tried at once. The first failure costs no
/// wait (it may be a blip); `retry_after` from the server is always honoured.
pub fn retry_at(now: Timestamp, failures: u32, retry_after: Option<Duration>) -> Option<i64> {
    let backoff = match failures {
        0 | 1 => Duration::ZERO,
        n => FIRST_WAIT
            .saturating_mul(2u32.saturating_pow(n - 2))
            .min(LONGEST_WAIT),
    };
    let asked = retry_after
        .unwrap_or(Duration::ZERO)
        .min(LONGEST_RETRY_AFTER);
    let wait = backoff.max(asked);
    (!wait.is_zero()).then(|| now.as_second().saturating_add(wait.as_secs() as i64))
}

/// Reads a `Retry-After` value: seconds, or an HTTP date (a date in the past is no wait).
pub fn parse_retry_after(value: &str, now: Timestamp) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = DateTimeParser::new().parse_timestamp(value).ok()?;
    let seconds = (when.as_second() - now.as_second()).max(0);
    Some(Duration::from_secs(seconds as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-03-01T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn waits_grow_with_failures_and_are_capped() {
        let start = now().as_second();
        assert_eq!(retry_at(now(), 1, None), None);
        assert_eq!(retry_at(now(), 2, None), Some(start + 15 * 60));
        assert_eq!(retry_at(now(), 3, None), Some(start + 30 * 60));
        assert_eq!(retry_at(now(), 40, None), Some(start + 24 * 60 * 60));
    }

    #[test]
    fn retry_after_is_honoured_even_on_a_first_failure() {
        let start = now().as_second();
        let asked = Some(Duration::from_secs(120));
        assert_eq!(retry_at(now(), 1, asked), Some(start + 120));
        assert_eq!(retry_at(now(), 3, asked), Some(start + 30 * 60));
        let year = Some(Duration::from_secs(365 * 24 * 60 * 60));
        assert_eq!(retry_at(now(), 1, year), Some(start + 7 * 24 * 60 * 60));
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(
            parse_retry_after(" 120 ", now()),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Sun, 01 Mar 2026 12:05:00 GMT", now()),
            Some(Duration::from_secs(300))
        );
        assert_eq!(
            parse_retry_after("Sun, 01 Mar 2026 11:00:00 GMT", now()),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now()), None);
    }
}
