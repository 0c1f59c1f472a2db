//! Times of day: clock times ("9 a.m.", "10:30 p.m. EDT Thursday", "noon Monday") and
//! parts of a day ("this morning", "Monday night", "tonight"), whose values are the day's
//! with a TIMEX3 time: `1998-10-26T09:00`, `1998-10-26TNI`.

use super::expr::{Expr, Found};
use super::lexicon::Unit;
use super::parse::Parser;
use super::tokens::{Token, TokenKind};

/// The time within a day an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeOfDay {
    /// Morning, afternoon, evening or night: `MO`, `AF`, `EV`, `NI`.
    Part(&'static str),
    Clock {
        hour: u32,
        minute: u32,
    },
}

/// Parts of a day and their TIMEX3 codes.
const PARTS: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
    ("tonight", "NI"),
];

/// Time zones that may follow a clock time ("9 a.m. EDT").
const ZONES: &[&str] = &[
    "BST", "CDT", "CET", "CST", "EDT", "EST", "GMT", "PDT", "PST", "UTC",
];

impl Parser<'_, '_> {
    /// "9 a.m.", "10:30 p.m. EST", "noon", "9 a.m. Tuesday", "8 p.m. on Sunday", "5 p.m.
    /// EST, Nov. 6": a clock
    /// time with an optional zone, on the day named right after it or else on the day the
    /// story last named (publication day if none).
    pub(super) fn clock(&self, i: usize) -> Option<Found> {
        let (_, mut last) = clock_time(self.tokens, i)?;
        if self.is(last + 1, "local") && self.is(last + 2, "time") {
            last += 2;
        } else if self.is_any(last + 1, ZONES) {
            last += 1;
        }
        // "9 a.m. Tuesday", "8 p.m. on Sunday, March 26".
        let day_at = if self.is(last + 1, "on") {
            last + 2
        } else {
            last + 1
        };
        let day = self.core(day_at).filter(|day| {
            matches!(
                day.expr,
                Expr::Weekday { .. }
                    | Expr::Day { .. }
                    | Expr::Offset {
                        unit: Unit::Day,
                        ..
                    }
            )
        });
        // "5 p.m. EST, Nov. 6": a calendar day after a comma.
        let day = day.or_else(|| {
            let after_comma = self.token(last + 1).is_some_and(|t| t.is_punct(','));
            self.core(last + 2)
                .filter(|day| after_comma && matches!(day.expr, Expr::Day { .. }))
        });
        match day {
            Some(day) => Self::found(i, day.last, day.expr),
            // "at 10 p.m." on the day the story tells of.
            None => Self::found(i, last, Expr::ThatPeriod(Unit::Day)),
        }
    }
}

/// The clock time starting at token `i` and its last token: "9 a.m.", "9am", "10:30 p.m.",
/// "noon", "midday", "midnight". A bare "10:30" is not taken (a score, a ratio, a verse).
fn clock_time(tokens: &[Token], i: usize) -> Option<(TimeOfDay, usize)> {
    let token = tokens.get(i)?;
    if token.is("noon") || token.is("midday") || token.is("midnight") {
        let hour = if token.is("midnight") { 0 } else { 12 };
        return Some((TimeOfDay::Clock { hour, minute: 0 }, i));
    }
    let hour = token.number().filter(|h| (1..=12).contains(h))?;
    let touching = |k: usize| {
        tokens
            .get(k)
            .zip(tokens.get(k + 1))
            .is_some_and(|(a, b)| a.end == b.start)
    };
    let (minute, next) = match tokens.get(i + 1) {
        Some(colon) if colon.is_punct(':') && touching(i) && touching(i + 1) => {
            let minutes = tokens.get(i + 2).filter(|t| t.text.len() == 2)?;
            (minutes.number().filter(|m| *m < 60)?, i + 3)
        }
        _ => (0, i + 1),
    };
    let (afternoon, last) = meridiem(tokens, next)?;
    let hour = match (hour, afternoon) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some((TimeOfDay::Clock { hour, minute }, last))
}

/// "a.m." / "am" (false) or "p.m." / "pm" (true) at token `i`, and its last token.
fn meridiem(tokens: &[Token], i: usize) -> Option<(bool, usize)> {
    let token = tokens.get(i)?;
    let afternoon = |t: &Token| {
        if t.is("a") || t.is("am") {
            Some(false)
        } else if t.is("p") || t.is("pm") {
            Some(true)
        } else {
            None
        }
    };
    let pm = afternoon(token)?;
    if token.text.len() == 2 {
        return Some((pm, i));
    }
    let dotted = tokens.get(i + 1).is_some_and(|t| t.is_punct('.'))
        && tokens.get(i + 2).is_some_and(|t| t.is("m"));
    if !dotted {
        return None;
    }
    let closing = tokens.get(i + 3).is_some_and(|t| t.is_punct('.'));
    Some((pm, if closing { i + 3 } else { i + 2 }))
}

/// The time of day an expression's tokens name: a clock time at its start, or a part of the
/// day at its end ("Monday night"), alone ("tonight") or after "mid" ("mid-afternoon
/// yesterday").
pub fn time_in(tokens: &[Token]) -> Option<TimeOfDay> {
    if let Some((time, _)) = clock_time(tokens, 0) {
        return Some(time);
    }
    let part = |t: &Token| {
        PARTS
            .iter()
            .find(|(word, _)| t.kind == TokenKind::Word && t.is(word))
            .map(|&(_, code)| TimeOfDay::Part(code))
    };
    let mid = tokens.first().is_some_and(|t| t.is("mid"));
    let after_mid = || tokens.iter().skip(1).take(2).find_map(part);
    tokens
        .last()
        .and_then(part)
        .or_else(|| mid.then(after_mid).flatten())
}

/// `day` (a `YYYY-MM-DD` value, or a recurring weekday `XXXX-WXX-1`) at `time`; `None`
/// when the value is not a day.
pub fn at_time(day: &str, time: TimeOfDay) -> Option<String> {
    let is_day = day.len() == 10 && day.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    if !is_day && !day.starts_with("XXXX-WXX-") {
        return None;
    }
    Some(match time {
        TimeOfDay::Part(code) => format!("{day}T{code}"),
        TimeOfDay::Clock { hour, minute } => format!("{day}T{hour:02}:{minute:02}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::dates::tokens::tokenize;

    fn time(text: &str) -> Option<TimeOfDay> {
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &mut tokens);
        time_in(&tokens)
    }

    #[test]
    fn clock_times_and_parts_of_the_day() {
        let clock = |hour, minute| Some(TimeOfDay::Clock { hour, minute });
        assert_eq!(time("9 a.m. Tuesday"), clock(9, 0));
        assert_eq!(time("10:30 p.m."), clock(22, 30));
        assert_eq!(time("12 am"), clock(0, 0));
        assert_eq!(time("noon"), clock(12, 0));
        assert_eq!(time("Monday night"), Some(TimeOfDay::Part("NI")));
        assert_eq!(time("this morning"), Some(TimeOfDay::Part("MO")));
        assert_eq!(time("10:30"), None);
        assert_eq!(time("Monday"), None);
    }

    #[test]
    fn only_a_day_takes_a_time() {
        assert_eq!(
            at_time("1998-10-26", TimeOfDay::Clock { hour: 9, minute: 5 }).as_deref(),
            Some("1998-10-26T09:05")
        );
        assert_eq!(at_time("1998-W43", TimeOfDay::Part("NI")), None);
    }
}
