//! Answers the reader's requests from the library, on the worker thread.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::library::{
    BriefingFormat, BriefingRequest, FuzzyIndex, Hit, Library, NamedStories, NoteFilter, Page,
    Query, SavedSearch, StorySummary,
};
use crate::tui::fetcher::Fetcher;
use crate::tui::pane::Story;
use crate::tui::request::{BriefingOf, Request, Response, SearchPage, SearchRow};

/// Search results sent at a time, a little more than a window shows; the reader asks for
/// the next page when the cursor reaches the last one.
const RESULTS_PER_PAGE: usize = 25;

/// Stories sent first at start, enough to fill a screen, before the whole list.
const FIRST_STORIES: usize = 200;

/// The most stories of a saved search counted for its unread count.
const SAVED_SEARCH_STORIES: usize = 500;

/// The library side of the reader: owns its own connection and the fuzzy index, and
/// starts background fetches when it has a [`Fetcher`].
pub struct LibraryWorker {
    library: Library,
    fuzzy: Option<FuzzyIndex>,
    /// The stories of the fuzzy index's names, being looked up on a thread of their own.
    names_loading: Option<Receiver<NamedStories>>,
    fetcher: Option<Fetcher>,
    /// The library's `data_version` at the last check for changes.
    seen_version: Option<i64>,
    /// Where briefings go unless the analyst names another folder: the folder the
    /// reader was started in.
    export_dir: PathBuf,
}

impl LibraryWorker {
    pub fn new(library: Library) -> LibraryWorker {
        LibraryWorker {
            library,
            fuzzy: None,
            names_loading: None,
            fetcher: None,
            seen_version: None,
            export_dir: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        }
    }

    /// The worker, offering to write briefings into `dir`.
    pub fn with_export_dir(self, dir: PathBuf) -> LibraryWorker {
        LibraryWorker {
            export_dir: dir,
            ..self
        }
    }

    /// The file a typed path names: `~/` is the home folder, and a relative path is
    /// taken from the export folder.
    fn export_path(&self, typed: &str) -> PathBuf {
        let typed = typed.trim();
        let home = std::env::var_os("HOME").filter(|home| !home.is_empty());
        let path = match (typed.strip_prefix("~/"), home) {
            (Some(rest), Some(home)) => Path::new(&home).join(rest),
            _ => PathBuf::from(typed),
        };
        self.export_dir.join(path)
    }

    /// The worker, able to fetch subscriptions with `fetcher`.
    pub fn with_fetcher(self, fetcher: Fetcher) -> LibraryWorker {
        LibraryWorker {
            fetcher: Some(fetcher),
            ..self
        }
    }

    /// Runs one request; failures become a one-line message.
    pub fn handle(&mut self, request: Request) -> Response {
        self.try_handle(request)
            .unwrap_or_else(|error| Response::Failed(error.to_string()))
    }

    fn try_handle(&mut self, request: Request) -> Result<Response, crate::library::LibraryError> {
        Ok(match request {
            Request::ImportSample => {
                let report = self.library.import_sample(|_, _| {})?;
                self.forget_search_index();
                Response::SampleImported(format!(
                    "imported the bundled sample library: {} stories (start without it: --no-sample)",
                    report.imported
                ))
            }
            Request::LoadFirstStories => Response::Stories(self.library.stories(FIRST_STORIES)?),
            Request::LoadStories => Response::Stories(self.all_stories()?),
            Request::ReloadStories => {
                self.forget_search_index();
                Response::Stories(self.all_stories()?)
            }
            Request::CheckForChanges => {
                let version = self.library.data_version()?;
                let changed = self.seen_version.is_some_and(|seen| seen != version);
                self.seen_version = Some(version);
                Response::Changed(changed)
            }
            Request::SavedSearches => Response::SavedSearches(self.saved_searches()?),
            Request::SaveSearch { name, query } => {
                self.library.save_search(&name, &query)?;
                Response::SavedSearches(self.saved_searches()?)
            }
            Request::DeleteSavedSearch(id) => {
                self.library.delete_saved_search(id)?;
                Response::SavedSearches(self.saved_searches()?)
            }
            Request::LoadMarks => Response::Marks(self.library.story_marks()?),
            Request::SetRead { stories, read } => {
                self.library.set_read(&stories, read)?;
                Response::Done
            }
            Request::SetStarred { story, starred } => {
                self.library.set_starred(story, starred)?;
                Response::Done
            }
            Request::FetchFeeds => {
                let subscriptions = self.library.subscriptions()?;
                match &self.fetcher {
                    None => Response::Failed("fetching feeds is not available here".to_string()),
                    Some(_) if subscriptions.is_empty() => Response::Failed(
                        "no subscriptions: add one with `sitrep feeds add URL`".to_string(),
                    ),
                    Some(fetcher) => {
                        let total = subscriptions.len();
                        fetcher.start(subscriptions);
                        Response::FetchStarted(total)
                    }
                }
            }
            Request::PrepareSearch => {
                self.prepare_search()?;
                Response::Done
            }
            Request::OpenStory { id, at } => Response::Story {
                story: Box::new(self.story(id)?),
                at,
            },
            Request::RefreshStory(id) => Response::StoryRefreshed(Box::new(self.story(id)?)),
            Request::StoryTimeline(id) => Response::Timeline {
                title: "related to this story".to_string(),
                events: self.library.story_timeline(id)?.into_iter().collect(),
            },
            Request::EntityTimeline(name) => Response::Timeline {
                events: self.library.entity_timeline(&name)?.into_iter().collect(),
                title: name,
            },
            Request::EntityStories(name) => {
                let query = Query {
                    entities: vec![name.clone()],
                    ..Query::default()
                };
                let stories = self.library.filtered(&query, usize::MAX >> 1)?;
                Response::EntityStories {
                    name,
                    stories: stories.into_iter().collect(),
                }
            }
            Request::StoryNotes(story) => Response::Notes {
                story,
                notes: self.library.notes(&NoteFilter {
                    story: Some(story),
                    ..NoteFilter::default()
                })?,
            },
            Request::AllNotes => Response::AllNotes(self.library.notes(&NoteFilter::default())?),
            Request::SaveNote(edit) => Response::NoteSaved(match edit.note {
                Some(id) => self.library.edit_note(id, &edit.text)?,
                None => self
                    .library
                    .add_note(edit.story, edit.anchor.as_ref(), &edit.text)?,
            }),
            Request::SaveDraft(edit) => {
                let draft = self.library.save_draft(
                    edit.story,
                    edit.anchor.as_ref(),
                    edit.note,
                    &edit.text,
                )?;
                Response::DraftSaved(draft.id)
            }
            Request::Drafts => Response::Drafts(self.library.drafts()?),
            Request::DiscardDraft(id) => {
                self.library.discard_draft(id)?;
                Response::Done
            }
            Request::DeleteNote(id) => Response::NoteChanged(self.library.delete_note(id)?),
            Request::UndeleteNote(id) => Response::NoteChanged(self.library.undelete_note(id)?),
            Request::NoteHistory(id) => Response::History {
                note: id,
                versions: self.library.note_history(id)?,
            },
            Request::StoryVersions(id) => Response::StoryVersions {
                story: id,
                versions: self.library.story_versions(id)?,
            },
            Request::RestoreNote { id, version } => {
                Response::NoteSaved(self.library.restore_note(id, version)?)
            }
            Request::Correct(correction) => Response::Corrected(self.library.correct(&correction)?),
            Request::UndoCorrection(id) => {
                Response::CorrectionUndone(self.library.undo_correction(id)?)
            }
            Request::Corrections => Response::Corrections(self.library.corrections(false)?),
            Request::SuggestExport(of) => {
                let path = self.export_dir.join(briefing_name(&of));
                let path = path.display().to_string();
                Response::ExportSuggested { of, path }
            }
            Request::ExportBriefing { of, path, replace } => {
                let mut destination = self.export_path(&path);
                if destination.is_dir() {
                    destination.push(briefing_name(&of));
                }
                if !replace && destination.exists() {
                    let path = destination.display().to_string();
                    return Ok(Response::ExportExists { of, path });
                }
                let briefing = self.library.briefing(&BriefingRequest {
                    story: of.story,
                    tags: of.tag.into_iter().collect(),
                    ..BriefingRequest::default()
                })?;
                match briefing.write_to(&destination, BriefingFormat::Markdown, replace) {
                    Ok(path) => Response::Exported(path.display().to_string()),
                    Err(error) => Response::Failed(error.to_string()),
                }
            }
            Request::Search {
                query,
                generation,
                offset,
            } => Response::Search {
                generation,
                page: self.search(&query, offset, RESULTS_PER_PAGE)?,
            },
        })
    }

    /// Story `id` with its analysis, as the analyst corrected them.
    fn story(&self, id: i64) -> Result<Story, crate::library::LibraryError> {
        let extract = self.library.story(id)?;
        Ok(Story {
            id,
            article: extract.article,
            analysis: extract.analysis,
            sentences: self.library.sentences(id)?,
        })
    }

    fn all_stories(&self) -> Result<Vec<StorySummary>, crate::library::LibraryError> {
        Ok(self.library.stories(usize::MAX >> 1)?.into_iter().collect())
    }

    /// The saved searches, each with the stories its query finds.
    fn saved_searches(
        &mut self,
    ) -> Result<Vec<(SavedSearch, Vec<i64>)>, crate::library::LibraryError> {
        let searches = self.library.saved_searches()?;
        let mut out = Vec::with_capacity(searches.len());
        for search in searches {
            let stories = self
                .search(&search.query, 0, SAVED_SEARCH_STORIES)?
                .rows
                .iter()
                .map(|r| r.story.id)
                .collect();
            out.push((search, stories));
        }
        Ok(out)
    }

    /// Builds the fuzzy index unless it is current, and starts looking up its names'
    /// stories on a thread of their own; takes them into the index once they are in.
    fn prepare_search(&mut self) -> Result<(), crate::library::LibraryError> {
        if self.fuzzy.is_none() {
            let index = self.library.fuzzy_index()?;
            self.names_loading = self.library.reopen_for_scan().map(|library| {
                let names = index.names_to_load();
                let (sender, receiver) = channel();
                std::thread::spawn(move || {
                    if let Ok(stories) = names.look_up(&library) {
                        let _ = sender.send(stories);
                    }
                });
                receiver
            });
            self.fuzzy = Some(index);
        }
        if let (Some(index), Some(loading)) = (&self.fuzzy, &self.names_loading)
            && let Ok(stories) = loading.try_recv()
        {
            index.install_names(stories);
            self.names_loading = None;
        }
        Ok(())
    }

    /// Drops the fuzzy index, and the look-up of its names' stories, after the library
    /// changed.
    fn forget_search_index(&mut self) {
        self.fuzzy = None;
        self.names_loading = None;
    }

    /// `limit` results of the library's search (full text, then fuzzy matches), from
    /// `offset`.
    fn search(
        &mut self,
        text: &str,
        offset: usize,
        limit: usize,
    ) -> Result<SearchPage, crate::library::LibraryError> {
        let query = Query::parse(text)?;
        self.prepare_search()?;
        let page = Page { offset, limit };
        let found = self.library.find(&query, self.fuzzy.as_ref(), page)?;
        Ok(SearchPage {
            offset,
            total: found.total,
            rows: found.hits.into_iter().map(search_row).collect(),
            terms: query.highlight_terms(),
        })
    }
}

/// A hit as a row of the search window: its ranges as the characters to highlight.
fn search_row(hit: Hit) -> SearchRow {
    SearchRow {
        highlight: hit
            .ranges
            .iter()
            .flat_map(|&(start, end)| start..end)
            .collect(),
        story: hit.story,
        matched: hit.text,
    }
}

/// The file name offered for a briefing.
fn briefing_name(of: &BriefingOf) -> String {
    match (&of.story, &of.tag) {
        (Some(id), _) => format!("sitrep-briefing-story-{id}.md"),
        (None, Some(tag)) => format!("sitrep-briefing-{}.md", file_safe(tag)),
        (None, None) => "sitrep-briefing.md".to_string(),
    }
}

/// A tag as part of a file name: letters, digits, '-' and '_' only.
fn file_safe(tag: &str) -> String {
    tag.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Analysis, Article, Entity, EntityKind, Mention};
    use std::time::{Duration, Instant};

    /// A story naming `person` at the start of its body.
    fn story(day: usize, person: &str) -> (Article, Analysis) {
        let body = format!("{person} met envoys in Manila on day {day}.");
        let article = Article {
            title: format!("Talks, day {day}"),
            published: Some(format!("2024-01-{:02}T10:00:00Z", day + 1)),
            body,
            ..Article::default()
        };
        let analysis = Analysis {
            entities: vec![Entity {
                name: person.to_string(),
                kind: EntityKind::Person,
                mentions: vec![Mention {
                    start: 0,
                    end: person.chars().count(),
                    text: person.to_string(),
                }],
            }],
            ..Analysis::default()
        };
        (article, analysis)
    }

    fn search(worker: &mut LibraryWorker, query: &str) -> Vec<(i64, String)> {
        let request = Request::Search {
            query: query.to_string(),
            generation: 1,
            offset: 0,
        };
        match worker.handle(request) {
            Response::Search { page, .. } => page
                .rows
                .into_iter()
                .map(|row| (row.story.id, row.matched))
                .collect(),
            other => panic!("not a search page: {other:?}"),
        }
    }

    #[test]
    fn names_looked_up_on_their_own_thread_find_what_a_search_without_them_finds() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        let stories: Vec<_> = (0..6)
            .map(|day| story(day, ["Natalia Novak", "Tomas Natan"][day % 2]))
            .collect();
        library.store("talks.jsonl", &stories).unwrap();
        let mut worker = LibraryWorker::new(library);
        // Before the look-up is in: each matching name is looked up on its own.
        let looked_up_each = {
            let mut fresh = LibraryWorker::new(Library::open(dir.path()).unwrap());
            fresh.fuzzy = Some(fresh.library.fuzzy_index().unwrap());
            search(&mut fresh, "ntl nvk")
        };
        assert_eq!(looked_up_each.len(), 3, "{looked_up_each:?}");
        worker.handle(Request::PrepareSearch);
        let started = Instant::now();
        while worker.names_loading.is_some() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "names never came"
            );
            std::thread::sleep(Duration::from_millis(10));
            worker.handle(Request::PrepareSearch);
        }
        assert_eq!(search(&mut worker, "ntl nvk"), looked_up_each);
        assert_eq!(search(&mut worker, "tms ntn").len(), 3);
    }
}
