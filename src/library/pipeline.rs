//! The import pipeline: worker threads read, parse and analyse files in parallel
//! while the calling thread stores them, in input order, through one connection.
//!
//! Workers take the next input from a [`WorkQueue`] and send it back numbered; the
//! writer stores results in input order (so ids are deterministic), holding early ones
//! until their turn. The queue keeps workers at most [`WINDOW`] inputs ahead of the
//! writer, which bounds memory, and a slow file holds up no other worker. The writer is
//! the import's critical path, so workers run at a lower scheduling priority: on two
//! cores the writer always has one.
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
use super::import::{Origin, Storing, StoryOutcome, StoryValues, store_story};
use super::walk::{FileFailure, collect_files, io_reason};
use super::work_queue::WorkQueue;
use super::{Library, LibraryError, correction, schema};
use crate::analyze::Analyzer;
use crate::ingest;
use crate::model::{Analysis, Article};

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
/// A file with at least this many stories has them analysed on every core.
const SHARED_FILE_STORIES: usize = 64;
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

/// A file made ready for the writer by a worker.
enum Prepared {
    /// Same bytes as last time: nothing to parse or store.
    Unchanged {
        stories: usize,
    },
    Parsed {
        /// See [`Input::origin`].
        origin: String,
        hash: String,
        stories: Vec<(Article, Analysis, StoryValues)>,
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
        let workers = std::thread::available_parallelism()
            .map_or(2, |cores| cores.get())
            .clamp(1, inputs.len().max(1));
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
                    prepare_all(inputs, queue, known, analyzer, workers, &sender);
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

/// A worker's loop: prepare the next input from the queue and hand it to the writer.
fn prepare_all(
    inputs: &[Input],
    queue: &WorkQueue,
    known: &KnownFiles,
    analyzer: &Analyzer,
    threads: usize,
    sender: &Sender<(usize, Prepared)>,
) {
    while let Some(index) = queue.take() {
        let input = &inputs[index];
        let prepared = catch_unwind(AssertUnwindSafe(|| {
            prepare(input, known, analyzer, threads)
        }))
        .unwrap_or_else(|_| Prepared::Failed("internal error while parsing".to_string()));
        if sender.send((index, prepared)).is_err() {
            return;
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

/// Reads, hashes, parses and analyses one input; a file of many stories is analysed on
/// `threads` threads.
fn prepare(input: &Input, known: &KnownFiles, analyzer: &Analyzer, threads: usize) -> Prepared {
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
            stories: analyze_all(parsed.articles, analyzer, threads),
            warnings: parsed.warnings,
        },
        Err(error) => Prepared::Failed(error.to_string()),
    }
}

/// Analyses a file's stories, in order. A file of many stories (a JSON Lines export, a
/// large feed) is shared out to `threads` threads: on one worker it would hold up the
/// writer, which stores in input order, and leave the other cores idle once the
/// workers have run [`WINDOW`] inputs ahead of it.
fn analyze_all(
    articles: Vec<Article>,
    analyzer: &Analyzer,
    threads: usize,
) -> Vec<(Article, Analysis, StoryValues)> {
    let analyze = |article: Article| {
        let analysis = analyzer.analyze(&article);
        let values = StoryValues::of(&article, &analysis);
        (article, analysis, values)
    };
    if threads < 2 || articles.len() < SHARED_FILE_STORIES {
        return articles.into_iter().map(analyze).collect();
    }
    let per_thread = articles.len().div_ceil(threads);
    let mut articles = articles.into_iter();
    let chunks: Vec<Vec<Article>> = (0..threads)
        .map(|_| articles.by_ref().take(per_thread).collect())
        .collect();
    std::thread::scope(|scope| {
        let analyze = &analyze;
        let running: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || chunk.into_iter().map(analyze).collect::<Vec<_>>()))
            .collect();
        running
            .into_iter()
            .flat_map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// The writer: stores each prepared file in input order, batching transactions.
fn write_all(
    conn: &mut Connection,
    mut storing: Storing,
    inputs: &[Input],
    receiver: &Receiver<(usize, Prepared)>,
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
                for (position, (article, analysis, values)) in stories.iter().enumerate() {
                    let at = Origin {
                        path: &origin,
                        index: position,
                    };
                    let (_, outcome) =
                        store_story(&tx, &mut storing, article, analysis, values, at)?;
                    report.count(outcome);
                }
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO files (path, hash, story_count, imported_at)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![origin, hash, stories.len(), storing.now])?;
                report.warnings.extend(warnings.into_iter().map(failure));
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

/// The prepared input `index`, from the results that came early or else from the
/// workers (keeping the later ones that arrive meanwhile).
fn next_in_order(
    index: usize,
    receiver: &Receiver<(usize, Prepared)>,
    early: &mut HashMap<usize, Prepared>,
) -> Prepared {
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
