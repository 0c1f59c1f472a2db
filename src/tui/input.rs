//! Terminal events to actions: keys through the keymap (or into the search line),
//! mouse wheel and clicks, resizes.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::tui::action::{Action, Command, MouseAction};
use crate::tui::app::App;
use crate::tui::keymap::Key;
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
    let command = |c| Some(Action::Command(c));
    match &app.overlay {
        Some(Overlay::Editor(editor)) if editor.confirm_drop => {
            return match key.code {
                KeyCode::Char('y' | 'Y') => Some(Action::Confirm(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Confirm(false)),
                _ => None,
            };
        }
        Some(Overlay::Editor(_)) => {
            return match key.code {
                KeyCode::Char('s') if ctrl => command(Command::SaveNote),
                KeyCode::Char('e') if ctrl => command(Command::ExternalEdit),
                KeyCode::Esc => command(Command::Back),
                _ => Some(Action::EditorKey(key)),
            };
        }
        Some(Overlay::ConfirmDelete(_)) => {
            return match key.code {
                KeyCode::Char('y' | 'Y') => Some(Action::Confirm(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Confirm(false)),
                _ => None,
            };
        }
        Some(Overlay::AllNotes(_)) if ctrl && key.code == KeyCode::Char('x') => {
            return command(Command::ExportBriefing);
        }
        _ => {}
    }
    if matches!(app.overlay, Some(Overlay::Search(_) | Overlay::AllNotes(_))) {
        // The search line takes typed text; only navigation keys act.
        return match key.code {
            KeyCode::Esc => Some(Action::Command(Command::Back)),
            KeyCode::Enter => Some(Action::Command(Command::Open)),
            KeyCode::Down | KeyCode::Tab => Some(Action::Command(Command::Down)),
            KeyCode::Up | KeyCode::BackTab => Some(Action::Command(Command::Up)),
            KeyCode::Char('n') if ctrl => Some(Action::Command(Command::Down)),
            KeyCode::Char('p') if ctrl => Some(Action::Command(Command::Up)),
            KeyCode::Char('c') if ctrl => Some(Action::Command(Command::Back)),
            KeyCode::Backspace => Some(Action::DeleteChar),
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            _ => None,
        };
    }
    app.keymap
        .command(Key::from_event(key))
        .map(Action::Command)
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
