//! A small fixed library for the reader's tests: four stories with hand-made analysis,
//! stored through the real library code in a temporary directory.

#![allow(dead_code)]

use std::sync::mpsc::Sender;

use sitrep::fetch::ClientOptions;
use sitrep::library::Library;
use sitrep::model::{
    Analysis, Article, DateKind, DateMention, Entity, EntityKind, Event, Mention, Quote, QuoteKind,
};
use sitrep::tui::action::Action;
use sitrep::tui::app::App;
use sitrep::tui::fetcher::{FetchEvent, Fetcher};
use sitrep::tui::keymap::Keymap;
use sitrep::tui::library_worker::LibraryWorker;
use sitrep::tui::request::Request;
use sitrep::tui::theme::Theme;

/// Character span of the `nth` occurrence of `needle` in `body`.
fn span(body: &str, needle: &str, nth: usize) -> (usize, usize) {
    let byte = body
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} not in body"))
        .0;
    let start = body[..byte].chars().count();
    (start, start + needle.chars().count())
}

struct Story {
    article: Article,
    entities: Vec<(&'static str, EntityKind, Vec<&'static str>)>,
    quotes: Vec<(&'static str, Option<&'static str>, QuoteKind)>,
    dates: Vec<(&'static str, &'static str)>,
    events: Vec<(&'static str, &'static str, &'static str, Vec<&'static str>)>,
}

fn analysis(story: &Story) -> Analysis {
    let body = &story.article.body;
    let entities = story
        .entities
        .iter()
        .map(|(name, kind, forms)| {
            let mut mentions: Vec<Mention> = Vec::new();
            for form in forms {
                for (nth, _) in body.match_indices(form).enumerate() {
                    let (start, end) = span(body, form, nth);
                    mentions.push(Mention {
                        start,
                        end,
                        text: form.to_string(),
                    });
                }
            }
            mentions.sort_by_key(|m| m.start);
            Entity {
                name: name.to_string(),
                kind: *kind,
                mentions,
            }
        })
        .collect();
    let quotes = story
        .quotes
        .iter()
        .map(|(text, speaker, kind)| {
            let (start, end) = span(body, text, 0);
            Quote {
                text: text.to_string(),
                start,
                end,
                speaker: speaker.map(str::to_string),
                kind: *kind,
            }
        })
        .collect();
    let dates = story
        .dates
        .iter()
        .map(|(text, value)| {
            let (start, end) = span(body, text, 0);
            DateMention {
                text: text.to_string(),
                start,
                end,
                value: Some(value.to_string()),
                kind: DateKind::Date,
            }
        })
        .collect();
    let events = story
        .events
        .iter()
        .map(|(sentence, date, summary, entities)| {
            let (start, end) = span(body, sentence, 0);
            Event {
                date: date.to_string(),
                summary: summary.to_string(),
                entities: entities.iter().map(|e| e.to_string()).collect(),
                start,
                end,
            }
        })
        .collect();
    Analysis {
        entities,
        quotes,
        dates,
        events,
    }
}

fn article(title: &str, source: &str, published: &str, dateline: &str, body: &str) -> Article {
    Article {
        title: title.to_string(),
        source: Some(source.to_string()),
        byline: Some(format!("{source} staff")),
        dateline: Some(dateline.to_string()),
        published: Some(published.to_string()),
        highlights: Vec::new(),
        body: body.to_string(),
        url: None,
        tags: vec!["trade".to_string()],
    }
}

fn stories() -> Vec<Story> {
    use EntityKind::*;
    vec![
        Story {
            article: article(
                "EU and ASEAN agree roadmap for trade talks",
                "Meridian Desk",
                "2023-03-14T09:30:00+01:00",
                "Brussels",
                "European Union and ASEAN negotiators agreed on Tuesday on a roadmap that could reopen talks frozen since 2019.\n\n“We have a calendar now,” said Lena Vos, a spokeswoman for the bloc's trade directorate. Vos added that the first negotiating round opens in Jakarta on June 3.\n\nThe EU wants access for its carmakers; ASEAN members want fair access for farm goods.",
            ),
            entities: vec![
                ("European Union", Organization, vec!["European Union", "EU"]),
                (
                    "Association of Southeast Asian Nations",
                    Organization,
                    vec!["ASEAN"],
                ),
                ("Lena Vos", Person, vec!["Lena Vos", "Vos added"]),
                ("Jakarta", Place, vec!["Jakarta"]),
            ],
            quotes: vec![
                (
                    "We have a calendar now,",
                    Some("Lena Vos"),
                    QuoteKind::Direct,
                ),
                (
                    "the first negotiating round opens in Jakarta on June 3.",
                    Some("Lena Vos"),
                    QuoteKind::Reported,
                ),
            ],
            dates: vec![
                ("Tuesday", "2023-03-14"),
                ("2019", "2019"),
                ("June 3", "2023-06-03"),
            ],
            events: vec![
                (
                    "European Union and ASEAN negotiators agreed on Tuesday on a roadmap that could reopen talks frozen since 2019.",
                    "2023-03-14",
                    "EU and ASEAN negotiators agree on a roadmap",
                    vec!["European Union", "Association of Southeast Asian Nations"],
                ),
                (
                    "Vos added that the first negotiating round opens in Jakarta on June 3.",
                    "2023-06-03",
                    "first negotiating round opens in Jakarta",
                    vec![
                        "Lena Vos",
                        "Jakarta",
                        "European Union",
                        "Association of Southeast Asian Nations",
                    ],
                ),
            ],
        },
        Story {
            article: article(
                "ASEAN ministers weigh EU offer ahead of Jakarta round",
                "Gulf Post",
                "2023-05-30T08:00:00+04:00",
                "Jakarta",
                "Trade ministers from ASEAN met on Monday to weigh the European Union's offer before the negotiating round in Jakarta on June 3.\n\n“The offer is a start, not a deal,” said Arif Rahman, an analyst at the Malacca Policy Centre.",
            ),
            entities: vec![
                (
                    "Association of Southeast Asian Nations",
                    Organization,
                    vec!["ASEAN"],
                ),
                ("European Union", Organization, vec!["European Union"]),
                ("Arif Rahman", Person, vec!["Arif Rahman"]),
                (
                    "Malacca Policy Centre",
                    Organization,
                    vec!["Malacca Policy Centre"],
                ),
                ("Jakarta", Place, vec!["Jakarta"]),
            ],
            quotes: vec![(
                "The offer is a start, not a deal,",
                Some("Arif Rahman"),
                QuoteKind::Direct,
            )],
            dates: vec![("Monday", "2023-05-29"), ("June 3", "2023-06-03")],
            events: vec![(
                "Trade ministers from ASEAN met on Monday to weigh the European Union's offer before the negotiating round in Jakarta on June 3.",
                "2023-06-03",
                "negotiating round opens in Jakarta",
                vec![
                    "Association of Southeast Asian Nations",
                    "European Union",
                    "Jakarta",
                ],
            )],
        },
        Story {
            article: article(
                "Black Sea grain corridor extended for 120 days",
                "Harbour Ledger",
                "2022-11-17T18:00:00+03:00",
                "Istanbul",
                "Ukraine, Russia, Turkey and the United Nations agreed on Thursday to extend the grain corridor for 120 days.\n\nMira Santos, an analyst at the Corran Institute, called the extension a “breathing space” for importers.",
            ),
            entities: vec![
                ("Ukraine", Country, vec!["Ukraine"]),
                ("Russia", Country, vec!["Russia"]),
                ("Turkey", Country, vec!["Turkey"]),
                ("United Nations", Organization, vec!["United Nations"]),
                ("Mira Santos", Person, vec!["Mira Santos"]),
                ("Corran Institute", Organization, vec!["Corran Institute"]),
            ],
            quotes: vec![("breathing space", Some("Mira Santos"), QuoteKind::Partial)],
            dates: vec![("Thursday", "2022-11-17")],
            events: vec![(
                "Ukraine, Russia, Turkey and the United Nations agreed on Thursday to extend the grain corridor for 120 days.",
                "2022-11-17",
                "grain corridor extended for 120 days",
                vec!["Ukraine", "Russia", "Turkey", "United Nations"],
            )],
        },
        Story {
            article: article(
                "港口 traffic recovers 🌾 as exports resume",
                "Harbour Ledger",
                "2022-08-02T10:00:00+03:00",
                "Odesa",
                "Ships left Odesa on Monday for the first time in months, carrying 26,000 tonnes of corn to 黎巴嫩.\n\nPort officials said more departures would follow next week.",
            ),
            entities: vec![("Odesa", Place, vec!["Odesa"])],
            quotes: vec![(
                "more departures would follow next week.",
                None,
                QuoteKind::Reported,
            )],
            dates: vec![("Monday", "2022-08-01"), ("next week", "2022-W32")],
            events: vec![(
                "Ships left Odesa on Monday for the first time in months, carrying 26,000 tonnes of corn to 黎巴嫩.",
                "2022-08-01",
                "first grain ships leave Odesa",
                vec!["Odesa"],
            )],
        },
    ]
}

/// A temporary library holding the four fixed stories.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        for (i, story) in stories().iter().enumerate() {
            let analysis = analysis(story);
            library
                .store(
                    &format!("fixture:{i}"),
                    &[(story.article.clone(), analysis)],
                )
                .unwrap();
        }
        Fixture { dir }
    }

    pub fn library(&self) -> Library {
        Library::open(self.dir.path()).unwrap()
    }
}

/// An app and a worker that answers its requests inline, as the runtime would.
pub struct Harness {
    pub app: App,
    worker: LibraryWorker,
    _fixture: Fixture,
}

impl Harness {
    /// A reader of the fixed library at `width`×`height`, with its stories loaded.
    pub fn new(width: u16, height: u16) -> Harness {
        Harness::with_theme(width, height, Theme::load(None, true).unwrap())
    }

    /// A reader of the fixed library drawn in the default colours.
    pub fn coloured(width: u16, height: u16) -> Harness {
        Harness::with_theme(width, height, Theme::default())
    }

    fn with_theme(width: u16, height: u16, theme: Theme) -> Harness {
        let fixture = Fixture::new();
        let worker = LibraryWorker::new(fixture.library());
        let app = App::new(Keymap::default(), theme, width, height);
        let mut harness = Harness {
            app,
            worker,
            _fixture: fixture,
        };
        harness.act(Action::Start {
            import_sample: false,
        });
        harness
    }

    /// Quits and starts the reader again on the same library, as a new session would.
    pub fn restart(&mut self) {
        let theme = self.app.theme().clone();
        self.app = App::new(
            Keymap::default(),
            theme,
            self.app.width(),
            self.app.height(),
        );
        self.worker = LibraryWorker::new(self._fixture.library());
        self.act(Action::Start {
            import_sample: false,
        });
    }

    /// A reader of the fixed library whose worker fetches subscriptions in the
    /// background, reporting on `events` (the test applies them as the runtime would).
    pub fn fetching(width: u16, height: u16, events: Sender<FetchEvent>) -> Harness {
        let mut harness = Harness::new(width, height);
        let options = ClientOptions {
            proxy_from_env: false,
            ..ClientOptions::default()
        };
        let fetcher = Fetcher::new(harness._fixture.dir.path().to_path_buf(), options, events);
        harness.worker = LibraryWorker::new(harness.library()).with_fetcher(fetcher);
        harness
    }

    /// Has briefings offered in `dir` instead of the folder the tests run in.
    pub fn export_into(&mut self, dir: &std::path::Path) {
        self.worker = LibraryWorker::new(self.library()).with_export_dir(dir.to_path_buf());
    }

    /// Applies an action and everything it asks of the library.
    pub fn act(&mut self, action: Action) {
        let requests = self.app.update(action);
        self.run(requests);
    }

    /// Types keys in keymap notation, e.g. `["j", "Enter"]`, or text into the search line.
    pub fn keys(&mut self, keys: &[&str]) {
        for key in keys {
            let key = sitrep::tui::keymap::parse_key(key).unwrap();
            let event = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
                key.code,
                if key.ctrl {
                    crossterm::event::KeyModifiers::CONTROL
                } else {
                    crossterm::event::KeyModifiers::NONE
                },
            ));
            if let Some(action) = sitrep::tui::input::to_action(&self.app, &event) {
                self.act(action);
            }
        }
    }

    /// Sends one request as the runtime would, and applies the answer.
    pub fn act_request(&mut self, request: Request) {
        self.run(vec![request]);
    }

    /// A second connection to the library, as another process would have.
    pub fn library(&self) -> Library {
        self._fixture.library()
    }

    /// The folder of the library, for running the `sitrep` binary on it.
    pub fn library_dir(&self) -> &std::path::Path {
        self._fixture.dir.path()
    }

    /// Types text into whatever takes text (the search line).
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.act(Action::Input(c));
        }
    }

    fn run(&mut self, requests: Vec<Request>) {
        for request in requests {
            let response = self.worker.handle(request);
            self.act(Action::Loaded(response));
        }
    }

    /// The rows `top..bottom` of the screen with their styles: each run of cells in one
    /// style is written `{fg bg modifiers|text}` (a run in the default style as plain text).
    pub fn styled_rows(&self, top: u16, bottom: u16) -> String {
        let backend = ratatui::backend::TestBackend::new(self.app.width(), self.app.height());
        let mut terminal = ratatui::Terminal::new(backend).unwrap();
        terminal
            .draw(|frame| sitrep::tui::view::draw(&self.app, frame))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let mut out = String::new();
        for y in top..bottom.min(self.app.height()) {
            let mut runs: Vec<(String, String)> = Vec::new();
            for x in 0..self.app.width() {
                let cell = &buffer[(x, y)];
                let style = format!("{:?} {:?} {:?}", cell.fg, cell.bg, cell.modifier)
                    .replace("Reset ", "")
                    .replace("Reset", "")
                    .replace("NONE", "");
                let style = style.trim().to_string();
                match runs.last_mut() {
                    Some((last, text)) if *last == style => text.push_str(cell.symbol()),
                    _ => runs.push((style, cell.symbol().to_string())),
                }
            }
            for (style, text) in runs {
                if style.is_empty() {
                    out.push_str(&text);
                } else {
                    out.push_str(&format!("{{{style}|{text}}}"));
                }
            }
            out.push('\n');
        }
        out
    }

    /// The screen as text, drawn through ratatui's test backend.
    pub fn screen(&self) -> String {
        let backend = ratatui::backend::TestBackend::new(self.app.width(), self.app.height());
        let mut terminal = ratatui::Terminal::new(backend).unwrap();
        terminal
            .draw(|frame| sitrep::tui::view::draw(&self.app, frame))
            .unwrap();
        if self.app.width() == 0 {
            // The test backend cannot print a zero-width screen; drawing it is the test.
            return String::new();
        }
        terminal.backend().to_string()
    }
}
