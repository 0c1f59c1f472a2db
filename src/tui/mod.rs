//! The full-screen reader (Elm shape): [`app::App`] holds state, the [`keymap`] turns keys
//! into [`action::Action`]s, `App::update` changes state and returns [`request::Request`]s
//! for the library, and [`view::draw`] is a pure function of state.

pub mod action;
pub mod app;
pub mod cursor;
pub mod input;
pub mod keymap;
pub mod panes;
pub mod request;
pub mod runtime;
pub mod story_text;
pub mod theme;
pub mod view;
