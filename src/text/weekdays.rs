//! The names of the days of the week, as news capitalises them: one definition for the
//! stages that treat "Monday" as a time word rather than a name.

use super::WordSet;

/// "Monday" … "Sunday".
static WEEKDAY_NAMES: WordSet = WordSet::new(&[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]);

/// True when `word` names a day of the week, capitalised ("Friday").
pub fn is_weekday_name(word: &str) -> bool {
    WEEKDAY_NAMES.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_capitalised_day_names_only() {
        assert!(is_weekday_name("Friday"));
        assert!(is_weekday_name("Sunday"));
        assert!(!is_weekday_name("friday"));
        assert!(!is_weekday_name("Fridays"));
        assert!(!is_weekday_name("Lena"));
    }
}
