//! The import pipeline: worker threads read, parse and analyse files in parallel
//! while the calling thread stores them, in input order, through one connection.
//!
//! Workers take the next input from a [`WorkQueue`], parse it and send it back
//! numbered, then analyse its stories into a [`StoryStream`] the writer reads them
//! from: a large file in chunks, on every core, so storing its first stories overlaps
//! analysing the rest. The writer stores results in input order (so ids are
//! deterministic), holding early ones until their turn. The queue keeps workers at most
//! [`WINDOW`] inputs ahead of the writer, which bounds memory, and a slow file holds up
//! no other worker. The writer is the import's critical path, so workers run at a lower
//! scheduling priority: on two cores the writer always has one.
//!
//! A file's stories always commit together. To spare one disk sync per file, the
//! writer groups consecutive files into one transaction, committing at least every
//! [`BATCH_FILES`] files or [`BATCH_TIME`], whichever comes first. A file whose bytes
//! hash as at its last import is not parsed again. Write transactions take the write
//! lock up front (`BEGIN IMMEDIATE`), so a second process waits its turn instead of failing.

use std::borrow::Cow;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use rusqlite::{Connection, TransactionBehavior, params};

use super::entity_ids::EntityIds;
use super::identity::hash_bytes;
use super::import::{Origin, Storing, StoryOutcome, store_story};
use super::story_stream::{StoryStream, story_stream};
use super::walk::{FileFailure, collect_files, io_reason};
use super::work_queue::WorkQueue;
use super::{Library, LibraryError, correction, schema};
use crate::analyze::Analyzer;
use crate::ingest;
use crate::model::Article;

/// Most files stored in one transaction.
const BATCH_FILES: usize = 2000;
/// Longest a write transaction stays open, so another process (a note being saved)
/// waits at most about this long, well within the busy timeout. Each commit writes every
/// page the batch touched to the WAL again, and index pages with unordered keys (URLs,
/// titles, speakers) are touched by almost every batch; it also flushes the full-text
/// index's pending terms into a new segment. Longer batches mean fewer of both.
const BATCH_TIME: Duration = Duration::from_millis(2000);
/// How many inputs past the last one stored workers may take.
const WINDOW: usize = 256;
/// How much lower than the writer's the workers' scheduling priority is (a nice value).
#[cfg(target_os = "linux")]
const WORKER_NICENESS: libc::c_int = 10;
/// WAL pages between automatic checkpoints during an import (256 MB of WAL at most), and
/// SQLite's default after.
const IMPORT_CHECKPOINT_PAGES: i64 = 65_536;
const DEFAULT_CHECKPOINT_PAGES: i64 = 1000;
/// How an import commits: without waiting for the disk (WAL stays consistent after a
/// crash; a power cut may undo the last batches).
const IMPORT_SYNCHRONOUS: &str = "NORMAL";

/// One file to import: on disk, or compiled into the binary.
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Embedded { name: String, bytes: &'static [u8] },
}

impl Input {
    /// The name shown to the user.
    fn display_name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Embedded { name, .. } => name.clone(),
        }
    }

    /// The stable name stored as the stories' origin: an absolute path, or `sample:NAME`.
    fn origin(&self) -> String {
        match self {
            Input::File(path) => path
                .canonicalize()
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
            Input::Embedded { name, .. } => format!("sample:{name}"),
        }
    }

    fn read(&self) -> std::io::Result<Cow<'static, [u8]>> {
        match self {
            Input::File(path) => std::fs::read(path).map(Cow::Owned),
            Input::Embedded { bytes, .. } => Ok(Cow::Borrowed(bytes)),
        }
    }
}

/// What an import did, story by story and file by file.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub imported: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Files looked at, including those that failed.
    pub files: usize,
    /// Files that could not be imported, in input order.
    pub failures: Vec<FileFailure>,
    /// Files that went in, with something worth telling (e.g. lossy decoding).
    pub warnings: Vec<FileFailure>,
}

impl ImportReport {
    fn count(&mut self, outcome: StoryOutcome) {
        match outcome {
            StoryOutcome::Imported => self.imported += 1,
            StoryOutcome::Updated => self.updated += 1,
            StoryOutcome::Unchanged => self.unchanged += 1,
        }
    }
}

/// A file as a worker read it: its stories are parsed articles (`Vec<Article>`) until
/// the worker hands them to the writer as a [`StoryStream`] it analyses into.
enum Prepared<Stories> {
    /// Same bytes as last time: nothing to parse or store.
    Unchanged {
        stories: usize,
    },
    Parsed {
        /// See [`Input::origin`].
        origin: String,
        hash: String,
        /// The file's stories.
        stories: Stories,
        warnings: Vec<String>,
    },
    Failed(String),
}

/// A file as it was last imported: its hash and how many stories it held.
type KnownFiles = HashMap<String, (String, usize)>;

impl Library {
    /// Imports every file under `paths` (see [`collect_files`]); `progress(done, total)`
    /// is called after each file. Bad files are reported, not fatal; a database error is.
    pub fn import_paths(
        &mut self,
        paths: &[PathBuf],
        progress: impl FnMut(usize, usize),
    ) -> Result<ImportReport, LibraryError> {
        let (files, failures) = collect_files(paths);
        let inputs: Vec<Input> = files.into_iter().map(Input::File).collect();
        let mut report = self.import_inputs(&inputs, progress)?;
        report.files += failures.len();
        report.failures.splice(0..0, failures);
        Ok(report)
    }

    /// Imports `inputs` in order, parsing and analysing on all cores.
    pub fn import_inputs(
        &mut self,
        inputs: &[Input],
        mut progress: impl FnMut(usize, usize),
    ) -> Result<ImportReport, LibraryError> {
        let known = known_files(&self.conn)?;
        // Checkpoint the WAL less often while importing: a page rewritten by many batches
        // is then copied into the database once rather than once per checkpoint.
        self.conn
            .pragma_update(None, "wal_autocheckpoint", IMPORT_CHECKPOINT_PAGES)?;
        // Stories can be imported again; notes, written elsewhere, keep waiting for the disk.
        self.conn
            .pragma_update(None, "synchronous", IMPORT_SYNCHRONOUS)?;
        let analyzer = Analyzer::new();
        let cores = std::thread::available_parallelism().map_or(2, |cores| cores.get());
        let workers = cores.clamp(1, inputs.len().max(1));
        let now = jiff::Timestamp::now().to_string();
        let mut report = ImportReport {
            files: inputs.len(),
            ..ImportReport::default()
        };
        let queue = WorkQueue::new(inputs.len(), WINDOW);
        let written = std::thread::scope(|scope| {
            let (sender, receiver) = channel();
            for _ in 0..workers {
                let (sender, queue, known, analyzer) = (sender.clone(), &queue, &known, &analyzer);
                scope.spawn(move || {
                    lower_priority();
                    prepare_all(inputs, queue, known, analyzer, cores, &sender);
                });
            }
            drop(sender);
            let analyze = |article: &Article| analyzer.analyze(article);
            let storing = Storing {
                entity_ids: EntityIds::default(),
                analyze: &analyze,
                now: &now,
                corrections: Vec::new(),
            };
            let result = write_all(
                &mut self.conn,
                storing,
                inputs,
                &receiver,
                &queue,
                &mut report,
                &mut progress,
            );
            // Releases the workers early if the writer failed.
            queue.close();
            result
        });
        // Back to the default whether or not the import succeeded.
        self.conn
            .pragma_update(None, "wal_autocheckpoint", DEFAULT_CHECKPOINT_PAGES)?;
        self.conn
            .pragma_update(None, "synchronous", schema::SYNCHRONOUS)?;
        written?;
        Ok(report)
    }
}

/// The `files` table as a map from origin to (hash, story count).
fn known_files(conn: &Connection) -> rusqlite::Result<KnownFiles> {
    let mut statement = conn.prepare("SELECT path, hash, story_count FROM files")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, (row.get(1)?, row.get(2)?))))?;
    rows.collect()
}

/// A worker's loop: parse the next input from the queue, hand it to the writer, then
/// analyse its stories into the stream the writer reads them from.
fn prepare_all(
    inputs: &[Input],
    queue: &WorkQueue,
    known: &KnownFiles,
    analyzer: &Analyzer,
    cores: usize,
    sender: &Sender<(usize, Prepared<StoryStream>)>,
) {
    while let Some(index) = queue.take() {
        let input = &inputs[index];
        let read = catch_unwind(AssertUnwindSafe(|| read(input, known)))
            .unwrap_or_else(|_| Prepared::Failed("internal error while parsing".to_string()));
        let (prepared, articles) = match read {
            Prepared::Unchanged { stories } => (Prepared::Unchanged { stories }, None),
            Prepared::Failed(reason) => (Prepared::Failed(reason), None),
            Prepared::Parsed {
                origin,
                hash,
                stories: articles,
                warnings,
            } => {
                let (story_sender, stories) = story_stream(articles.len());
                let prepared = Prepared::Parsed {
                    origin,
                    hash,
                    stories,
                    warnings,
                };
                (prepared, Some((story_sender, articles)))
            }
        };
        if sender.send((index, prepared)).is_err() {
            return;
        }
        if let Some((story_sender, articles)) = articles {
            story_sender.analyse(articles, analyzer, cores);
        }
    }
}

/// Lowers the calling thread's scheduling priority below the writer's, whatever the
/// process was started with (`nice sitrep import` keeps the gap); threads it starts
/// inherit the lowered priority. Linux schedules threads on their own; elsewhere all
/// threads keep the same priority.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: getpriority and setpriority only read their integer arguments; who = 0 is
    // this thread.
    unsafe {
        let writer = libc::getpriority(libc::PRIO_PROCESS, 0);
        libc::setpriority(libc::PRIO_PROCESS, 0, writer + WORKER_NICENESS);
    }
}

/// Reads, hashes and parses one input.
fn read(input: &Input, known: &KnownFiles) -> Prepared<Vec<Article>> {
    let bytes = match input.read() {
        Ok(bytes) => bytes,
        Err(error) => return Prepared::Failed(io_reason(&error)),
    };
    let hash = hash_bytes(&bytes);
    let origin = input.origin();
    if let Some((known_hash, stories)) = known.get(&origin)
        && *known_hash == hash
    {
        return Prepared::Unchanged { stories: *stories };
    }
    match ingest::parse_bytes(&input.display_name(), &bytes) {
        Ok(parsed) if parsed.articles.is_empty() => Prepared::Failed("no stories found".into()),
        Ok(parsed) => Prepared::Parsed {
            origin,
            hash,
            stories: parsed.articles,
            warnings: parsed.warnings,
        },
        Err(error) => Prepared::Failed(error.to_string()),
    }
}

/// The writer: stores each prepared file in input order, batching transactions.
fn write_all(
    conn: &mut Connection,
    mut storing: Storing,
    inputs: &[Input],
    receiver: &Receiver<(usize, Prepared<StoryStream>)>,
    queue: &WorkQueue,
    report: &mut ImportReport,
    progress: &mut impl FnMut(usize, usize),
) -> Result<(), LibraryError> {
    let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    storing.corrections = correction::in_force(&tx)?;
    let mut batch_files = 0;
    let mut batch_start = Instant::now();
    let mut early = HashMap::new();
    for (index, input) in inputs.iter().enumerate() {
        let prepared = next_in_order(index, receiver, &mut early);
        let failure = |reason: String| FileFailure {
            path: input.display_name(),
            reason,
        };
        match prepared {
            Prepared::Unchanged { stories } => report.unchanged += stories,
            Prepared::Failed(reason) => report.failures.push(failure(reason)),
            Prepared::Parsed {
                origin,
                hash,
                stories,
                warnings,
            } => {
                match store_file(&tx, &mut storing, &origin, &stories)? {
                    Some(outcomes) => {
                        outcomes
                            .into_iter()
                            .for_each(|outcome| report.count(outcome));
                        tx.prepare_cached(
                            "INSERT OR REPLACE INTO files (path, hash, story_count, imported_at)
                             VALUES (?1, ?2, ?3, ?4)",
                        )?
                        .execute(params![
                            origin,
                            hash,
                            stories.total,
                            storing.now
                        ])?;
                        report.warnings.extend(warnings.into_iter().map(failure));
                    }
                    None => report
                        .failures
                        .push(failure("internal error while analysing".to_string())),
                }
                batch_files += 1;
            }
        }
        if batch_files >= BATCH_FILES || batch_start.elapsed() >= BATCH_TIME {
            tx.commit()?;
            tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Another process may have corrected something between the transactions.
            storing.corrections = correction::in_force(&tx)?;
            batch_files = 0;
            batch_start = Instant::now();
        }
        queue.written(index + 1);
        progress(index + 1, inputs.len());
    }
    tx.commit()?;
    Ok(())
}

/// Stores a file's stories as they arrive from its worker, returning what became of
/// each; `None`, with nothing of the file stored, if the worker stopped short (its
/// analysis failed). A file that comes in more than one chunk is stored under a
/// savepoint, to take back the chunks stored before such a failure.
fn store_file(
    tx: &Connection,
    storing: &mut Storing,
    origin: &str,
    stories: &StoryStream,
) -> Result<Option<Vec<StoryOutcome>>, LibraryError> {
    let mut under_savepoint = false;
    let mut outcomes = Vec::with_capacity(stories.total);
    while outcomes.len() < stories.total {
        let Some(chunk) = stories.next_chunk() else {
            if under_savepoint {
                tx.execute_batch("ROLLBACK TO file; RELEASE file")?;
                // Entities the file added are gone again.
                storing.entity_ids = EntityIds::default();
            }
            return Ok(None);
        };
        if outcomes.is_empty() && chunk.len() < stories.total {
            tx.execute_batch("SAVEPOINT file")?;
            under_savepoint = true;
        }
        for (article, analysis, values) in &chunk {
            let at = Origin {
                path: origin,
                index: outcomes.len(),
            };
            let (_, outcome) = store_story(tx, storing, article, analysis, values, at)?;
            outcomes.push(outcome);
        }
    }
    if under_savepoint {
        tx.execute_batch("RELEASE file")?;
    }
    Ok(Some(outcomes))
}

/// The prepared input `index`, from the results that came early or else from the
/// workers (keeping the later ones that arrive meanwhile).
fn next_in_order(
    index: usize,
    receiver: &Receiver<(usize, Prepared<StoryStream>)>,
    early: &mut HashMap<usize, Prepared<StoryStream>>,
) -> Prepared<StoryStream> {
    loop {
        if let Some(prepared) = early.remove(&index) {
            return prepared;
        }
        match receiver.recv() {
            Ok((arrived, prepared)) => {
                early.insert(arrived, prepared);
            }
            Err(_) => return Prepared::Failed("internal error while parsing".to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::story_stream::story_stream;
    use crate::library::tests::{article, open_temp};

    #[test]
    fn a_file_whose_analysis_stops_short_leaves_nothing_behind() {
        let (_dir, mut library) = open_temp();
        let analyzer = Analyzer::new();
        let analyze = |article: &Article| analyzer.analyze(article);
        let mut storing = Storing {
            entity_ids: EntityIds::default(),
            analyze: &analyze,
            now: "2024-01-01T00:00:00Z",
            corrections: Vec::new(),
        };
        let tx = library.conn.transaction().unwrap();
        // Three stories announced, one chunk of one sent: the worker stopped.
        let first = article(
            "Port talks",
            "2024-01-02T10:00:00Z",
            "Officials met in Manila.",
        );
        let (sender, stories) = story_stream(3);
        sender.analyse(vec![first], &analyzer, 1);
        let stored = store_file(&tx, &mut storing, "export.jsonl", &stories).unwrap();
        assert!(stored.is_none());
        let count = |table: &str| -> i64 {
            tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get(0)
            })
            .unwrap()
        };
        assert_eq!((count("articles"), count("entities")), (0, 0));
        // The next file stores whole, linking its own entities afresh.
        let next = article(
            "Grain talks",
            "2024-01-03T10:00:00Z",
            "Officials met in Manila.",
        );
        let (sender, stories) = story_stream(1);
        sender.analyse(vec![next], &analyzer, 1);
        let stored = store_file(&tx, &mut storing, "grain.json", &stories).unwrap();
        assert_eq!(stored.map(|outcomes| outcomes.len()), Some(1));
        tx.commit().unwrap();
        let story = library.stories(10).unwrap()[0].id;
        let names: Vec<String> = library
            .story(story)
            .unwrap()
            .analysis
            .entities
            .into_iter()
            .map(|entity| entity.name)
            .collect();
        assert!(names.contains(&"Manila".to_string()), "{names:?}");
    }
}
