//! The message on the status line.

/// A line of text for the status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

impl Status {
    /// An informational message.
    pub fn hint(text: &str) -> Status {
        Status {
            text: text.to_string(),
            is_error: false,
        }
    }

    /// A message about something that failed.
    pub fn error(text: String) -> Status {
        Status {
            text,
            is_error: true,
        }
    }
}
