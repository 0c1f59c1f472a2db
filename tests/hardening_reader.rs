//! The reader over a library of hostile stories, drawn through ratatui's real
//! `CrosstermBackend` into a byte buffer: the only escape sequences it may send are the
//! backend's own (SGR styles, cursor moves, cursor show/hide), and nothing else that
//! could change the terminal — even when the stored text itself was never cleaned.

#[path = "hostile/support.rs"]
mod hostile_support;

use hostile_support::{corpus_dir, terminal_hazard};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use sitrep::library::Library;
use sitrep::model::{
    Analysis, Article, DateKind, DateMention, Entity, EntityKind, Event, Mention, Quote, QuoteKind,
};
use sitrep::tui::action::{Action, Command};
use sitrep::tui::app::App;
use sitrep::tui::keymap::Keymap;
use sitrep::tui::library_worker::LibraryWorker;
use sitrep::tui::request::Request;
use sitrep::tui::theme::Theme;

/// Hostile text that a careless importer could have stored as it came.
const RAW: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}]8;;http://evil.example/\u{1b}\\x\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{85}\u{202e}\u{2066}\u{200b}\u{0}\u{8}\r";

/// A story stored without going through the importers: every field and every
/// analysed name, quote and event carries raw control sequences.
fn raw_story() -> (Article, Analysis) {
    let body = format!("Envoys{RAW} met on Monday.\n\n“We{RAW} agree,” said Vera{RAW} Lind.");
    let char_span = |needle: &str| {
        let byte = body.find(needle).unwrap();
        let start = body[..byte].chars().count();
        (start, start + needle.chars().count())
    };
    let name = format!("Vera{RAW} Lind");
    let (name_start, name_end) = char_span(&name);
    let quoted = format!("We{RAW} agree,");
    let (quote_start, quote_end) = char_span(&quoted);
    let (date_start, date_end) = char_span("Monday");
    let article = Article {
        title: format!("Raw{RAW} title"),
        source: Some(format!("Raw{RAW} Desk")),
        byline: Some(format!("By{RAW} staff")),
        dateline: Some(format!("Geneva{RAW}")),
        published: Some("2024-05-06T09:00:00+02:00".to_string()),
        highlights: vec![format!("High{RAW}light")],
        body: body.clone(),
        url: Some(format!("https://example.org/{RAW}")),
        tags: vec![format!("tag{RAW}")],
    };
    let analysis = Analysis {
        entities: vec![Entity {
            name: name.clone(),
            kind: EntityKind::Person,
            mentions: vec![Mention {
                start: name_start,
                end: name_end,
                text: name.clone(),
            }],
        }],
        quotes: vec![Quote {
            text: quoted,
            start: quote_start,
            end: quote_end,
            speaker: Some(name.clone()),
            kind: QuoteKind::Direct,
        }],
        dates: vec![DateMention {
            text: "Monday".to_string(),
            start: date_start,
            end: date_end,
            value: Some("2024-05-06".to_string()),
            kind: DateKind::Date,
        }],
        events: vec![Event {
            date: "2024-05-06".to_string(),
            summary: format!("envoys{RAW} meet"),
            entities: vec![name],
            start: 0,
            end: body.chars().count(),
        }],
    };
    (article, analysis)
}

/// The reader and a worker answering its requests inline.
struct Reader {
    app: App,
    worker: LibraryWorker,
}

impl Reader {
    fn act(&mut self, action: Action) {
        let mut requests = self.app.update(action);
        while !requests.is_empty() {
            let mut next = Vec::new();
            for request in requests {
                let response = self.worker.handle(request);
                next.extend(self.app.update(Action::Loaded(response)));
            }
            requests = next;
        }
    }

    /// Every byte the reader sends to a terminal to draw the current screen from scratch.
    fn frame_bytes(&self) -> Vec<u8> {
        let area = Rect::new(0, 0, self.app.width(), self.app.height());
        let mut bytes = Vec::new();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(area),
        };
        let mut terminal =
            Terminal::with_options(CrosstermBackend::new(&mut bytes), options).unwrap();
        terminal
            .draw(|frame| sitrep::tui::view::draw(&self.app, frame))
            .unwrap();
        drop(terminal);
        bytes
    }

    fn assert_frame_safe(&self, step: &str) {
        let bytes = self.frame_bytes();
        let text = std::str::from_utf8(&bytes).unwrap();
        let rest = without_backend_sequences(text)
            .unwrap_or_else(|bad| panic!("{step}: escape sequence not from the backend: {bad:?}"));
        assert_eq!(terminal_hazard(&rest), None, "{step}");
    }
}

/// `text` with the backend's own sequences removed — `ESC [ params m` (styles),
/// `ESC [ row ; col H` (cursor moves), `ESC [ ? 25 h|l` (cursor show/hide) — or the
/// first other escape sequence found.
fn without_backend_sequences(text: &str) -> Result<String, String> {
    let mut rest = String::new();
    let mut pieces = text.split('\u{1b}');
    rest.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        let body = piece
            .strip_prefix('[')
            .ok_or_else(|| format!("ESC {}", piece.chars().take(12).collect::<String>()))?;
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':' || c == '?'))
            .ok_or_else(|| format!("ESC [{body}"))?;
        let (params, after) = body.split_at(end);
        let final_char = after.chars().next().unwrap();
        let allowed = match final_char {
            'm' => !params.contains('?'),
            'H' => params.split(';').count() == 2 && params.split(';').all(is_number),
            'h' | 'l' => params == "?25",
            _ => false,
        };
        if !allowed {
            return Err(format!("ESC [{params}{final_char}"));
        }
        rest.push_str(&after[final_char.len_utf8()..]);
    }
    Ok(rest)
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// A reader at `width`×`height` over the hostile corpus and one raw story.
fn hostile_reader(dir: &std::path::Path, width: u16, height: u16) -> Reader {
    let mut library = Library::open(dir).unwrap();
    library.import_paths(&[corpus_dir()], |_, _| {}).unwrap();
    library.store("raw:story", &[raw_story()]).unwrap();
    let mut reader = Reader {
        app: App::new(
            Keymap::default(),
            Theme::load(None, false).unwrap(),
            width,
            height,
        ),
        worker: LibraryWorker::new(Library::open(dir).unwrap()),
    };
    let response = reader.worker.handle(Request::LoadStories);
    reader.act(Action::Loaded(response));
    reader
}

#[test]
fn every_screen_of_hostile_stories_sends_only_backend_sequences() {
    for (width, height) in [(160, 45), (60, 20)] {
        let dir = tempfile::tempdir().unwrap();
        let mut reader = hostile_reader(dir.path(), width, height);
        let stories = Library::open(dir.path()).unwrap().stories(1000).unwrap();
        assert!(stories.len() > 1, "the hostile corpus imported {stories:?}");
        reader.assert_frame_safe("stories");
        for (n, story) in stories.iter().enumerate() {
            let step = format!("{width}x{height} story {} {:?}", story.id, story.title);
            reader.act(Action::Command(Command::Open));
            reader.assert_frame_safe(&step);
            for pane in ["story", "entities", "quotes", "timeline"] {
                reader.act(Action::Command(Command::NextPane));
                reader.act(Action::Command(Command::Down));
                reader.assert_frame_safe(&format!("{step} {pane}"));
            }
            reader.act(Action::Command(Command::Timeline));
            reader.assert_frame_safe(&format!("{step} timeline"));
            reader.act(Action::Command(Command::EntityStories));
            reader.assert_frame_safe(&format!("{step} entity stories"));
            reader.act(Action::Command(Command::Back));
            reader.act(Action::Command(Command::Back));
            for _ in 0..=n {
                reader.act(Action::Command(Command::Down));
            }
        }
        reader.act(Action::Command(Command::Help));
        reader.assert_frame_safe("help");
        reader.act(Action::Command(Command::Back));
        reader.act(Action::Command(Command::Search));
        for c in "Raw\u{1b}[2J\u{9b}\u{202e}d".chars() {
            reader.act(Action::Input(c));
            reader.assert_frame_safe(&format!("search typing {c:?}"));
        }
    }
}

#[test]
fn only_the_backends_own_sequences_pass_the_whitelist() {
    assert_eq!(
        without_backend_sequences("\u{1b}[12;3H\u{1b}[38;5;4mA\u{1b}[0m\u{1b}[?25l").as_deref(),
        Ok("A")
    );
    for foreign in [
        "\u{1b}]0;x\u{7}",
        "\u{1b}[2J",
        "\u{1b}[?1049h",
        "\u{1b}[5A",
        "\u{1b}c",
    ] {
        assert!(without_backend_sequences(foreign).is_err(), "{foreign:?}");
    }
}
