//! Terminal events to actions: keys through the keymap layer of the current mode (or
//! into the search line or the editor),
//! mouse wheel and clicks, resizes.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::tui::action::{Action, Command, MouseAction};
use crate::tui::app::App;
use crate::tui::keymap::{Key, Layer};
use crate::tui::overlay::Overlay;

/// The action for a terminal event in the current state, if it means anything.
pub fn to_action(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(app, *key),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            let action = match mouse.kind {
                MouseEventKind::ScrollUp => MouseAction::ScrollUp { column, row },
                MouseEventKind::ScrollDown => MouseAction::ScrollDown { column, row },
                MouseEventKind::Down(MouseButton::Left) => MouseAction::Click { column, row },
                _ => return None,
            };
            Some(Action::Mouse(action))
        }
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn key_action(app: &App, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let layer = match app.overlay() {
        Some(Overlay::Editor(editor)) if editor.confirm_drop => Layer::Confirm,
        Some(Overlay::ConfirmDelete(_) | Overlay::ConfirmReplace(_)) => Layer::Confirm,
        Some(Overlay::Prompt(_)) => Layer::Prompt,
        Some(
            Overlay::EntityStories(_)
            | Overlay::SavedSearches(_)
            | Overlay::Drafts(_)
            | Overlay::History(_)
            | Overlay::CorrectMenu(_)
            | Overlay::Corrections(_),
        ) => Layer::List,
        Some(Overlay::Editor(_)) => Layer::Editor,
        Some(Overlay::Search(_)) => Layer::SearchLine,
        Some(Overlay::AllNotes(_)) => Layer::NotesList,
        _ => Layer::Normal,
    };
    match app.keymap().command_in(layer, Key::from_event(key)) {
        Some(Command::DeleteChar) => Some(Action::DeleteChar),
        Some(Command::Yes) => Some(Action::Confirm(true)),
        Some(Command::No) => Some(Action::Confirm(false)),
        Some(command) => Some(Action::Command(command)),
        None => match (layer, key.code) {
            (Layer::Editor, _) => Some(Action::EditorKey(key)),
            (Layer::SearchLine | Layer::NotesList | Layer::Prompt, KeyCode::Char(c)) if !ctrl => {
                Some(Action::Input(c))
            }
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Keymap;
    use crate::tui::theme::Theme;

    fn press(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn keys_go_through_the_keymap_or_into_the_search_line() {
        let mut app = App::new(Keymap::default(), Theme::default(), 80, 24);
        assert!(matches!(
            to_action(&app, &press(KeyCode::Char('j'))),
            Some(Action::Command(Command::Down))
        ));
        assert!(to_action(&app, &press(KeyCode::Char('Z'))).is_none());
        app.update(Action::Command(Command::Search));
        assert!(matches!(
            to_action(&app, &press(KeyCode::Char('j'))),
            Some(Action::Input('j'))
        ));
        assert!(matches!(
            to_action(&app, &press(KeyCode::Esc)),
            Some(Action::Command(Command::Back))
        ));
    }
}
