//! A file's analysed stories on their way from an import worker to the writer: in
//! order and in chunks, so that the writer stores the first stories of a large file (a
//! JSON Lines export of thousands) while the rest are still analysed on every core,
//! instead of waiting for the whole file with the other cores idle.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::import::StoryValues;
use crate::analyze::Analyzer;
use crate::model::{Analysis, Article};

/// A story as the writer stores it: the article, its analysis and the values computed
/// for storing it.
pub type AnalysedStory = (Article, Analysis, StoryValues);

/// A file with at least this many stories is analysed and sent a chunk at a time.
const SHARED_FILE_STORIES: usize = 64;
/// Stories each thread analyses per chunk of a shared file.
const STORIES_PER_THREAD: usize = 64;
/// Chunks analysed ahead of the writer: bounds the memory a large file holds.
const CHUNKS_AHEAD: usize = 4;

/// The writer's end of one file's stories.
pub struct StoryStream {
    chunks: Receiver<Vec<AnalysedStory>>,
    /// How many stories the file holds.
    pub total: usize,
}

/// The worker's end of one file's stories.
pub struct StorySender {
    chunks: SyncSender<Vec<AnalysedStory>>,
}

/// A stream for a file of `total` stories, and the sender that fills it.
pub fn story_stream(total: usize) -> (StorySender, StoryStream) {
    let (sender, chunks) = sync_channel(CHUNKS_AHEAD);
    (
        StorySender { chunks: sender },
        StoryStream { chunks, total },
    )
}

impl StoryStream {
    /// The next chunk of stories; `None` once the worker has sent them all, or stopped.
    pub fn next_chunk(&self) -> Option<Vec<AnalysedStory>> {
        self.chunks.recv().ok()
    }
}

impl StorySender {
    /// Analyses `articles` (the file's stories) and sends them in order: in one chunk
    /// for a small file, else a chunk at a time; on `threads` threads. Stops, sending nothing more, if the analysis panics or the writer has
    /// gone; the writer then has fewer stories than the file holds.
    pub fn analyse(self, articles: Vec<Article>, analyzer: &Analyzer, threads: usize) {
        let analyse = |article: Article| {
            let analysis = analyzer.analyze(&article);
            let values = StoryValues::of(&article, &analysis);
            (article, analysis, values)
        };
        let large = articles.len() >= SHARED_FILE_STORIES;
        let chunk_size = match large {
            true => STORIES_PER_THREAD * threads.max(1),
            false => articles.len().max(1),
        };
        let mut articles = articles.into_iter().peekable();
        while articles.peek().is_some() {
            let chunk: Vec<Article> = articles.by_ref().take(chunk_size).collect();
            let analysed = catch_unwind(AssertUnwindSafe(|| match large && threads > 1 {
                true => on_threads(chunk, threads, &analyse),
                false => chunk.into_iter().map(analyse).collect(),
            }));
            let Ok(analysed) = analysed else { return };
            if self.chunks.send(analysed).is_err() {
                return;
            }
        }
    }
}

/// `analyse` applied to each of `articles`, in order, shared out to `threads` threads.
fn on_threads(
    articles: Vec<Article>,
    threads: usize,
    analyse: &(dyn Fn(Article) -> AnalysedStory + Sync),
) -> Vec<AnalysedStory> {
    let per_thread = articles.len().div_ceil(threads);
    let mut articles = articles.into_iter();
    let parts: Vec<Vec<Article>> = (0..threads)
        .map(|_| articles.by_ref().take(per_thread).collect())
        .collect();
    std::thread::scope(|scope| {
        let running: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || part.into_iter().map(analyse).collect::<Vec<_>>()))
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
