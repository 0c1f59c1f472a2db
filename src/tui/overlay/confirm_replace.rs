//! "This file exists. Replace it?": yes writes the briefing over it, no goes back to the
//! question of where to write it.

use crate::tui::overlay::prompt::Prompt;
use crate::tui::overlay::{Outcome, Overlay};
use crate::tui::request::{BriefingOf, Request};

/// The briefing and the existing file it would replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmReplace {
    of: BriefingOf,
    path: String,
}

impl ConfirmReplace {
    pub fn new(of: BriefingOf, path: String) -> ConfirmReplace {
        ConfirmReplace { of, path }
    }

    /// The full path of the existing file.
    pub fn path(&self) -> &str {
        &self.path
    }

    pub(crate) fn answer(&self, yes: bool) -> Outcome {
        if yes {
            Outcome::stay().request(Request::ExportBriefing {
                of: self.of.clone(),
                path: self.path.clone(),
                replace: true,
            })
        } else {
            Outcome::replace(Overlay::Prompt(Prompt::export(self.of.clone(), &self.path)))
        }
    }
}
