//! Hands an import's inputs to worker threads one at a time, in input order, never more
//! than a window ahead of the writer: a slow file then holds up neither the other
//! workers nor the writer, and the results waiting to be written stay bounded.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// The next input to hand out and how far the writer has got.
pub struct WorkQueue {
    next: AtomicUsize,
    total: usize,
    window: usize,
    /// How many inputs the writer has stored; `None` once the queue is closed.
    written: Mutex<Option<usize>>,
    moved: Condvar,
}

impl WorkQueue {
    /// A queue over inputs `0..total` letting workers run `window` inputs ahead.
    pub fn new(total: usize, window: usize) -> Self {
        WorkQueue {
            next: AtomicUsize::new(0),
            total,
            window: window.max(1),
            written: Mutex::new(Some(0)),
            moved: Condvar::new(),
        }
    }

    /// The next input for a worker, as soon as it lies inside the window; `None` when
    /// every input is taken or the queue was closed.
    pub fn take(&self) -> Option<usize> {
        let index = self.next.fetch_add(1, Ordering::Relaxed);
        if index >= self.total {
            return None;
        }
        let mut written = self.lock();
        loop {
            match *written {
                None => return None,
                Some(count) if index < count + self.window => return Some(index),
                Some(_) => {
                    written = self
                        .moved
                        .wait(written)
                        .unwrap_or_else(PoisonError::into_inner)
                }
            }
        }
    }

    /// The writer has stored the first `count` inputs.
    pub fn written(&self, count: usize) {
        let mut written = self.lock();
        if written.is_some() {
            *written = Some(count);
            self.moved.notify_all();
        }
    }

    /// No more inputs are handed out; waiting workers get `None`.
    pub fn close(&self) {
        *self.lock() = None;
        self.moved.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, Option<usize>> {
        self.written.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn hands_out_each_input_once_in_order() {
        let queue = WorkQueue::new(3, 10);
        assert_eq!(
            [queue.take(), queue.take(), queue.take(), queue.take()],
            [Some(0), Some(1), Some(2), None]
        );
    }

    #[test]
    fn a_worker_waits_for_the_writer_at_the_window_edge() {
        let queue = WorkQueue::new(5, 2);
        assert_eq!((queue.take(), queue.take()), (Some(0), Some(1)));
        std::thread::scope(|scope| {
            let waiting = scope.spawn(|| queue.take());
            std::thread::sleep(Duration::from_millis(50));
            assert!(!waiting.is_finished(), "input 2 is outside the window");
            queue.written(1);
            assert_eq!(waiting.join().unwrap(), Some(2));
        });
    }

    #[test]
    fn closing_releases_waiting_workers() {
        let queue = WorkQueue::new(5, 1);
        assert_eq!(queue.take(), Some(0));
        std::thread::scope(|scope| {
            let waiting = scope.spawn(|| queue.take());
            std::thread::sleep(Duration::from_millis(50));
            queue.close();
            assert_eq!(waiting.join().unwrap(), None);
        });
        assert_eq!(queue.take(), None);
    }
}
