//! When each of a session's periodic callbacks is due. The session follows its document's
//! callbacks after every command and tick, so one added or removed by any callback is
//! picked up; the schedule ends with the session.

use std::collections::BTreeMap;
use std::time::Duration;

use tokio::time::Instant;

use crate::document::{Document, PeriodicCallbackId};

#[derive(Default)]
pub(crate) struct Schedule {
    due: BTreeMap<PeriodicCallbackId, Due>,
}

struct Due {
    period: Duration,
    at: Instant,
}

impl Schedule {
    /// Starts the document's new callbacks (first run one period from `now`) and drops
    /// the removed ones.
    pub(crate) fn follow(&mut self, doc: &Document, now: Instant) {
        let mut callbacks = doc.periodic_callbacks().peekable();
        if callbacks.peek().is_none() && self.due.is_empty() {
            return;
        }
        let registered: BTreeMap<PeriodicCallbackId, Duration> = callbacks.collect();
        self.due.retain(|id, _| registered.contains_key(id));
        for (id, period) in registered {
            self.due.entry(id).or_insert(Due {
                period,
                at: now + period,
            });
        }
    }

    /// When the next callback is due, if any is registered.
    pub(crate) fn next(&self) -> Option<Instant> {
        self.due.values().map(|d| d.at).min()
    }

    /// The callbacks due at `now`, each rescheduled a period later. Ticks missed while the
    /// session was busy are skipped, not caught up in a burst.
    pub(crate) fn take_due(&mut self, now: Instant) -> Vec<PeriodicCallbackId> {
        let mut due = Vec::new();
        for (id, d) in &mut self.due {
            if d.at <= now {
                due.push(*id);
                d.at += d.period;
                if d.at <= now {
                    d.at = now + d.period;
                }
            }
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn callbacks_fall_due_each_period_and_stop_when_removed() {
        let mut doc = Document::new();
        let fast = doc.add_periodic_callback(10 * MS, |_| Ok(()));
        let slow = doc.add_periodic_callback(25 * MS, |_| Ok(()));
        let t0 = Instant::now();
        let mut schedule = Schedule::default();
        schedule.follow(&doc, t0);
        assert_eq!(schedule.next(), Some(t0 + 10 * MS));
        assert!(schedule.take_due(t0 + 9 * MS).is_empty());
        assert_eq!(schedule.take_due(t0 + 10 * MS), [fast]);
        assert_eq!(schedule.take_due(t0 + 25 * MS), [fast, slow]);
        // Late by more than a period: the next run is a period after now, not a burst.
        assert_eq!(schedule.take_due(t0 + 100 * MS), [fast, slow]);
        assert_eq!(schedule.next(), Some(t0 + 110 * MS));

        doc.remove_periodic_callback(fast);
        schedule.follow(&doc, t0 + 100 * MS);
        assert_eq!(schedule.next(), Some(t0 + 125 * MS));
        doc.remove_periodic_callback(slow);
        schedule.follow(&doc, t0 + 100 * MS);
        assert_eq!(schedule.next(), None);
    }
}
