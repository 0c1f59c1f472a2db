//! "the day before last Tuesday's hearing", "the day after Christmas": a day named by its
//! neighbour, one expression whose value is the neighbour's shifted by a day.

use jiff::ToSpan;
use jiff::civil::Date;

use super::tokens::Token;

/// When "the day before" or "the day after" stands right before the expression starting at
/// token `first`: the index of its "the" and the shift in days.
pub fn day_beside(tokens: &[Token], first: usize) -> Option<(usize, i32)> {
    let the = first.checked_sub(3)?;
    let [article, day, side] = &tokens[the..first] else {
        return None;
    };
    if !(article.is("the") && day.is("day")) {
        return None;
    }
    let shift = if side.is("before") {
        -1
    } else if side.is("after") {
        1
    } else {
        return None;
    };
    Some((the, shift))
}

/// The day `value` (`YYYY-MM-DD`) shifted by `days`; `None` for any other value.
pub fn shifted_day(value: &str, days: i32) -> Option<String> {
    if value.len() != 10 {
        return None;
    }
    let date: Date = value.parse().ok()?;
    let shifted = date.checked_add(days.days()).ok()?;
    Some(shifted.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_whole_day_is_shifted() {
        assert_eq!(shifted_day("2023-03-01", -1).as_deref(), Some("2023-02-28"));
        assert_eq!(shifted_day("2023-03", -1), None);
        assert_eq!(shifted_day("2023-03-01T10:00", 1), None);
    }
}
