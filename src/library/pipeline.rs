//! The import pipeline: worker threads read, parse and analyse files in parallel
//! while the calling thread stores them, in input order, through one connection.
//!
//! Input `i` goes to worker `i % workers`, and each worker hands its results over a
//! small bounded channel; the writer reads the channels in turn. That keeps the
//! order (and so the ids) deterministic and bounds memory without a reorder buffer.
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
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use rusqlite::{Connection, TransactionBehavior, params};

use super::entity_ids::EntityIds;
use super::identity::hash_bytes;
use super::import::{Origin, StoryOutcome, StoryValues, store_story};
use super::walk::{FileFailure, collect_files, io_reason};
use super::{Library, LibraryError};
use crate::analyze::Analyzer;
use crate::ingest;
use crate::model::{Analysis, Article};

/// Most files stored in one transaction.
const BATCH_FILES: usize = 500;
/// Longest a write transaction stays open, so other processes are not kept waiting.
const BATCH_TIME: Duration = Duration::from_millis(250);
/// Results a worker may have ready before it waits for the writer.
const WORKER_QUEUE: usize = 32;
/// WAL pages between automatic checkpoints during an import, and SQLite's default after.
const IMPORT_CHECKPOINT_PAGES: i64 = 16_384;
const DEFAULT_CHECKPOINT_PAGES: i64 = 1000;

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
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        let analyzer = Analyzer::new();
        let workers = std::thread::available_parallelism()
            .map_or(2, |cores| cores.get())
            .clamp(1, inputs.len().max(1));
        let now = jiff::Timestamp::now().to_string();
        let mut report = ImportReport {
            files: inputs.len(),
            ..ImportReport::default()
        };
        let written = std::thread::scope(|scope| {
            let mut receivers = Vec::with_capacity(workers);
            for worker in 0..workers {
                let (sender, receiver) = sync_channel(WORKER_QUEUE);
                receivers.push(receiver);
                let (known, analyzer) = (&known, &analyzer);
                scope.spawn(move || {
                    #[cfg(target_os = "linux")]
                    unsafe {
                        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
                    }
                    let mine = inputs.iter().skip(worker).step_by(workers);
                    prepare_all(mine, known, analyzer, &sender);
                });
            }
            let result = write_all(
                &mut self.conn,
                inputs,
                &receivers,
                &now,
                &mut report,
                &mut progress,
            );
            // Dropping the receivers stops workers early if the writer failed.
            drop(receivers);
            result
        });
        // Back to the default whether or not the import succeeded.
        self.conn
            .pragma_update(None, "wal_autocheckpoint", DEFAULT_CHECKPOINT_PAGES)?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
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

/// A worker's loop: prepare each of its inputs and hand it to the writer.
fn prepare_all<'a>(
    inputs: impl Iterator<Item = &'a Input>,
    known: &KnownFiles,
    analyzer: &Analyzer,
    sender: &SyncSender<Prepared>,
) {
    for input in inputs {
        let prepared = catch_unwind(AssertUnwindSafe(|| prepare(input, known, analyzer)))
            .unwrap_or_else(|_| Prepared::Failed("internal error while parsing".to_string()));
        if sender.send(prepared).is_err() {
            return;
        }
    }
}

/// Reads, hashes, parses and analyses one input.
fn prepare(input: &Input, known: &KnownFiles, analyzer: &Analyzer) -> Prepared {
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
            stories: parsed
                .articles
                .into_iter()
                .map(|article| {
                    let analysis = analyzer.analyze(&article);
                    let values = StoryValues::of(&article, &analysis);
                    (article, analysis, values)
                })
                .collect(),
            warnings: parsed.warnings,
        },
        Err(error) => Prepared::Failed(error.to_string()),
    }
}

/// The writer: stores each prepared file in input order, batching transactions.
fn write_all(
    conn: &mut Connection,
    inputs: &[Input],
    receivers: &[Receiver<Prepared>],
    now: &str,
    report: &mut ImportReport,
    progress: &mut impl FnMut(usize, usize),
) -> Result<(), LibraryError> {
    let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut entity_ids = EntityIds::default();
    let mut batch_files = 0;
    let mut batch_start = Instant::now();
    for (index, input) in inputs.iter().enumerate() {
        let prepared = receivers[index % receivers.len()]
            .recv()
            .unwrap_or_else(|_| Prepared::Failed("internal error while parsing".to_string()));
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
                        store_story(&tx, &mut entity_ids, article, analysis, values, at, now)?;
                    report.count(outcome);
                }
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO files (path, hash, story_count, imported_at)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![origin, hash, stories.len(), now])?;
                report.warnings.extend(warnings.into_iter().map(failure));
                batch_files += 1;
            }
        }
        if batch_files >= BATCH_FILES || batch_start.elapsed() >= BATCH_TIME {
            tx.commit()?;
            tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            batch_files = 0;
            batch_start = Instant::now();
        }
        progress(index + 1, inputs.len());
    }
    tx.commit()?;
    Ok(())
}
