//! What results reporting compares with: "a year ago" is the quarter reported a year
//! before, or, once the story moves on to "the first nine months", the year before.

use jiff::civil::Date;

use super::discourse::Point;
use super::expr::Expr;
use super::lexicon::Unit;

/// The periods a story's results have reported so far.
pub struct Results {
    /// The quarter under way at publication (`year * 4 + quarter - 1`).
    current: Option<i64>,
    /// The latest closed quarter the story named.
    reported: Option<i64>,
    /// True once "the nine months" or "the six months" follow that quarter.
    months: bool,
}

impl Results {
    /// No period reported yet, for a story published on `anchor`.
    pub fn new(anchor: Option<Date>) -> Self {
        Results {
            current: anchor.map(|d| i64::from(d.year()) * 4 + i64::from(d.month() - 1) / 3),
            reported: None,
            months: false,
        }
    }

    /// The time last named and the quarter reported that `expr` resolves against: for "a
    /// year earlier" after "the nine months", the reported quarter's year and no quarter.
    pub fn context(&self, expr: Expr, last_named: Option<Point>) -> (Option<Point>, Option<Point>) {
        let year_compared = self.months
            && matches!(
                expr,
                Expr::Ago {
                    unit: Unit::Year,
                    ..
                } | Expr::Anchored {
                    unit: Unit::Year,
                    at: None,
                    ..
                }
            );
        if year_compared {
            (self.reported.map(|q| Point::Year(q.div_euclid(4))), None)
        } else {
            (last_named, self.reported.map(Point::Quarter))
        }
    }

    /// Takes note of `expr`, found with the point it named (`None` for an anchored one).
    pub fn note(&mut self, expr: Expr, point: Option<Point>) {
        if let Expr::Duration {
            unit: Unit::Month,
            count: Some(6 | 9),
        } = expr
        {
            self.months = self.reported.is_some();
        }
        // Results report the latest quarter closed; an earlier one named on the way
        // ("after a flat second quarter") is no new subject, nor is a forecast's ("into
        // the fourth quarter").
        if let Some(Point::Quarter(quarter)) = point
            && self.current.is_none_or(|now| quarter < now)
        {
            self.reported = self.reported.max(Some(quarter));
            self.months = false;
        }
    }
}
