//! Politeness: never more than [`PER_HOST`] requests to one host at a time, however
//! many fetches run at once; feeds are taken host by host in turn, so many feeds on one
//! host do not hold every worker waiting for that host's slots.

use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex, PoisonError};

/// Most requests in flight to one host.
pub const PER_HOST: usize = 2;

/// Requests in flight per host; [`HostSlots::take`] waits for a free slot.
#[derive(Debug, Default)]
pub struct HostSlots {
    busy: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

/// A slot held for one request; dropping it frees the slot.
pub struct Slot<'a> {
    slots: &'a HostSlots,
    host: String,
}

impl HostSlots {
    /// Waits until `host` has fewer than [`PER_HOST`] requests in flight, then takes a slot.
    pub fn take(&self, host: &str) -> Slot<'_> {
        let host = host.to_ascii_lowercase();
        let mut busy = self.busy.lock().unwrap_or_else(PoisonError::into_inner);
        while busy.get(&host).copied().unwrap_or(0) >= PER_HOST {
            busy = self
                .freed
                .wait(busy)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *busy.entry(host.clone()).or_insert(0) += 1;
        Slot { slots: self, host }
    }

    /// Requests in flight to `host` now.
    pub fn in_flight(&self, host: &str) -> usize {
        let busy = self.busy.lock().unwrap_or_else(PoisonError::into_inner);
        busy.get(&host.to_ascii_lowercase()).copied().unwrap_or(0)
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut busy = self
            .slots
            .busy
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = busy.get_mut(&self.host) {
            *count -= 1;
            if *count == 0 {
                busy.remove(&self.host);
            }
        }
        self.slots.freed.notify_all();
    }
}

/// `items` reordered so that hosts take turns (first item of each host, then the
/// second of each, ...), keeping each host's own order.
pub fn by_host_turns<T>(items: Vec<T>, host: impl Fn(&T) -> String) -> VecDeque<T> {
    let mut hosts: Vec<(String, VecDeque<T>)> = Vec::new();
    for item in items {
        let key = host(&item).to_ascii_lowercase();
        match hosts.iter_mut().find(|(known, _)| *known == key) {
            Some((_, queue)) => queue.push_back(item),
            None => hosts.push((key, VecDeque::from([item]))),
        }
    }
    let mut turns = VecDeque::new();
    while !hosts.is_empty() {
        for (_, queue) in &mut hosts {
            turns.extend(queue.pop_front());
        }
        hosts.retain(|(_, queue)| !queue.is_empty());
    }
    turns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_take_turns() {
        let urls = ["a/1", "a/2", "a/3", "b/1", "c/1", "B/2"];
        let host = |url: &&str| url.split('/').next().unwrap_or_default().to_string();
        assert_eq!(
            Vec::from(by_host_turns(urls.to_vec(), host)),
            ["a/1", "b/1", "c/1", "a/2", "B/2", "a/3"]
        );
    }

    #[test]
    fn a_third_request_to_a_host_waits_for_a_free_slot() {
        let slots = HostSlots::default();
        let first = slots.take("Example.org");
        let _second = slots.take("example.org");
        assert_eq!(slots.in_flight("example.org"), PER_HOST);
        let _other = slots.take("other.example");
        std::thread::scope(|scope| {
            let third = scope.spawn(|| {
                let _slot = slots.take("example.org");
                slots.in_flight("example.org")
            });
            drop(first);
            assert_eq!(third.join().unwrap(), PER_HOST);
        });
        assert_eq!(slots.in_flight("example.org"), 1);
    }
}
