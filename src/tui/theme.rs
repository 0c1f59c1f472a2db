//! Colours and text styles of the reader. Defaults are data (assets/theme.toml); a
//! theme.toml in the config directory overrides entries; NO_COLOR keeps only modifiers.

use std::collections::HashMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::model::EntityKind;

const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

/// Every style the views use.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub person: Style,
    pub country: Style,
    pub place: Style,
    pub organization: Style,
    pub group: Style,
    pub other: Style,
    pub quote: Style,
    pub speaker: Style,
    pub date: Style,
    pub note: Style,
    pub search_match: Style,
    pub selected_entity: Style,
    pub selection: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub muted: Style,
    pub own_event: Style,
    pub status: Style,
    pub error: Style,
}

#[derive(Deserialize, Default, Clone)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

/// Why a theme file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ThemeError {
    #[error("{0}")]
    Syntax(String),
    #[error("unknown theme entry \"{0}\"")]
    UnknownEntry(String),
    #[error("{entry}: unknown colour \"{colour}\"")]
    UnknownColour { entry: String, colour: String },
    #[error("{entry}: unknown modifier \"{modifier}\"")]
    UnknownModifier { entry: String, modifier: String },
}

impl Default for Theme {
    fn default() -> Self {
        Theme::load(None, false).expect("the bundled theme is valid")
    }
}

impl Theme {
    /// The default theme with the user's overrides; `no_color` drops every colour.
    pub fn load(user: Option<&str>, no_color: bool) -> Result<Theme, ThemeError> {
        let syntax = |e: toml::de::Error| ThemeError::Syntax(e.message().to_string());
        let mut specs: HashMap<String, StyleSpec> =
            toml::from_str(DEFAULT_THEME).map_err(syntax)?;
        if let Some(text) = user {
            let overrides: HashMap<String, StyleSpec> = toml::from_str(text).map_err(syntax)?;
            for (name, spec) in overrides {
                if !specs.contains_key(&name) {
                    return Err(ThemeError::UnknownEntry(name));
                }
                specs.insert(name, spec);
            }
        }
        let style = |name: &str| -> Result<Style, ThemeError> {
            let spec = specs.get(name).cloned().unwrap_or_default();
            to_style(name, &spec, no_color)
        };
        Ok(Theme {
            person: style("person")?,
            country: style("country")?,
            place: style("place")?,
            organization: style("organization")?,
            group: style("group")?,
            other: style("other")?,
            quote: style("quote")?,
            speaker: style("speaker")?,
            date: style("date")?,
            note: style("note")?,
            search_match: style("search_match")?,
            selected_entity: style("selected_entity")?,
            selection: style("selection")?,
            border: style("border")?,
            border_focused: style("border_focused")?,
            title: style("title")?,
            muted: style("muted")?,
            own_event: style("own_event")?,
            status: style("status")?,
            error: style("error")?,
        })
    }

    /// The style of an entity kind.
    pub fn kind(&self, kind: EntityKind) -> Style {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Country => self.country,
            EntityKind::Place => self.place,
            EntityKind::Organization => self.organization,
            EntityKind::Group => self.group,
            EntityKind::Other => self.other,
        }
    }
}

fn to_style(entry: &str, spec: &StyleSpec, no_color: bool) -> Result<Style, ThemeError> {
    let colour = |name: &str| {
        Color::from_str(name).map_err(|_| ThemeError::UnknownColour {
            entry: entry.to_string(),
            colour: name.to_string(),
        })
    };
    let mut style = Style::default();
    if !no_color {
        if let Some(fg) = &spec.fg {
            style = style.fg(colour(fg)?);
        }
        if let Some(bg) = &spec.bg {
            style = style.bg(colour(bg)?);
        }
    }
    for name in &spec.modifiers {
        let modifier = match name.as_str() {
            "bold" => Modifier::BOLD,
            "italic" => Modifier::ITALIC,
            "underlined" => Modifier::UNDERLINED,
            "reversed" => Modifier::REVERSED,
            "dim" => Modifier::DIM,
            other => {
                return Err(ThemeError::UnknownModifier {
                    entry: entry.to_string(),
                    modifier: other.to_string(),
                });
            }
        };
        style = style.add_modifier(modifier);
    }
    if no_color && spec.bg.is_some() {
        // A background highlight must stay visible without colour.
        style = style.add_modifier(Modifier::REVERSED);
    }
    Ok(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_theme_colours_kinds() {
        let theme = Theme::default();
        assert_eq!(theme.kind(EntityKind::Person).fg, Some(Color::LightCyan));
        assert!(theme.quote.add_modifier.contains(Modifier::ITALIC));
    }

    #[test]
    fn no_color_keeps_only_modifiers() {
        let theme = Theme::load(None, true).unwrap();
        assert_eq!(theme.person.fg, None);
        assert!(theme.person.add_modifier.contains(Modifier::BOLD));
        assert!(theme.search_match.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn overrides_and_errors() {
        let theme = Theme::load(Some("person = { fg = \"#ff0000\" }"), false).unwrap();
        assert_eq!(theme.person.fg, Some(Color::Rgb(255, 0, 0)));
        assert_eq!(
            Theme::load(Some("persn = { fg = \"red\" }"), false).err(),
            Some(ThemeError::UnknownEntry("persn".to_string()))
        );
        assert_eq!(
            Theme::load(Some("person = { fg = \"reddish\" }"), false).err(),
            Some(ThemeError::UnknownColour {
                entry: "person".to_string(),
                colour: "reddish".to_string()
            })
        );
    }
}
