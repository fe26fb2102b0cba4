//! The elements of one typed array: a slice to every reader, stored so that dropping
//! rows at the front (a stream's rollover) costs the rows dropped, not the rows kept.
//!
//! Dropped rows stay in the buffer, skipped, until they outnumber the live ones; then
//! the live ones move down once. Each row moves at most once per that many drops, so a
//! stream of k rows with rollover costs O(k) amortized, however long the column. The
//! price is up to twice the live rows' memory.
//!
//! f64 elements also remember whether they ascend (a plotted x usually does) and their
//! finite bounds, so a line of a million points redrawn after each change of its y checks
//! its x once, and a redraw that changed no data (a pan, a hover) reads neither again.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

/// The elements of one typed array ([`ArrayData`](super::ArrayData)'s variants): read
/// and write them as a slice (`&elements[..]`, `elements.iter()`); make one from a `Vec`
/// or an iterator.
pub struct Elements<T> {
    buf: Vec<T>,
    /// Rows dropped from the front and not yet compacted away.
    start: usize,
    /// What passes over the live rows found (f64 only); forgotten by every change.
    facts: Facts,
}

/// What a pass over f64 elements found, once asked.
#[derive(Default)]
struct Facts {
    ascending: OnceLock<bool>,
    bounds: OnceLock<Option<(f64, f64)>>,
}

impl Elements<f64> {
    /// Whether the elements are finite and never decrease: one pass the first time,
    /// remembered until they change.
    pub fn ascending(&self) -> bool {
        *self
            .facts
            .ascending
            .get_or_init(|| rokeh_np::scan::ascending(self))
    }

    /// The smallest and largest finite element (`None` when none is): one pass the first
    /// time, remembered until they change.
    pub fn finite_bounds(&self) -> Option<(f64, f64)> {
        *self
            .facts
            .bounds
            .get_or_init(|| rokeh_np::scan::finite_bounds(self))
    }
}

impl<T> Elements<T> {
    /// The rows are about to change: what was remembered about them no longer holds.
    fn changed(&mut self) {
        self.facts = Facts::default();
    }

    /// Drops the first `n` rows and returns them.
    pub(crate) fn drop_front(&mut self, n: usize) -> Vec<T>
    where
        T: Clone,
    {
        self.changed();
        let dropped = self.buf[self.start..self.start + n].to_vec();
        self.start += n;
        if self.start > self.buf.len() - self.start {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        dropped
    }

    /// Puts `rows` back in front (undoing `drop_front`).
    pub(crate) fn prepend(&mut self, rows: Vec<T>) {
        self.changed();
        self.buf.drain(..self.start);
        self.start = 0;
        self.buf.splice(0..0, rows);
    }

    pub(crate) fn extend_from_slice(&mut self, rows: &[T])
    where
        T: Clone,
    {
        self.changed();
        self.buf.extend_from_slice(rows);
    }

    pub(crate) fn truncate(&mut self, len: usize) {
        self.changed();
        self.buf.truncate(self.start + len);
    }

    /// The elements as a `Vec`, without a copy unless rows were dropped from the front.
    pub fn into_vec(mut self) -> Vec<T> {
        self.buf.drain(..self.start);
        self.buf
    }
}

impl<T> From<Vec<T>> for Elements<T> {
    fn from(buf: Vec<T>) -> Elements<T> {
        Elements {
            buf,
            start: 0,
            facts: Facts::default(),
        }
    }
}

impl<T> FromIterator<T> for Elements<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Elements<T> {
        Vec::from_iter(iter).into()
    }
}

impl<T> Deref for Elements<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.buf[self.start..]
    }
}

impl<T> DerefMut for Elements<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.changed();
        &mut self.buf[self.start..]
    }
}

/// A copy holds the live rows only.
impl<T: Clone> Clone for Elements<T> {
    fn clone(&self) -> Elements<T> {
        self.to_vec().into()
    }
}

/// Equal when the live rows are.
impl<T: PartialEq> PartialEq for Elements<T> {
    fn eq(&self, other: &Elements<T>) -> bool {
        **self == **other
    }
}

impl<T: fmt::Debug> fmt::Debug for Elements<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropping_rows_keeps_the_rest_and_compacts_once_they_outnumber_it() {
        let mut e: Elements<i32> = (0..10).collect();
        assert_eq!(e.drop_front(3), vec![0, 1, 2]);
        assert_eq!(&e[..], &[3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(e.start, 3, "not compacted yet");
        e.extend_from_slice(&[10]);
        assert_eq!(e.drop_front(3), vec![3, 4, 5]);
        assert_eq!(e.start, 0, "6 dropped outnumber 5 live: compacted");
        assert_eq!(&e[..], &[6, 7, 8, 9, 10]);
        e.truncate(4);
        e.prepend(vec![5]);
        assert_eq!(e.into_vec(), vec![5, 6, 7, 8, 9]);
    }

    #[test]
    fn ascending_is_remembered_until_the_rows_change() {
        let mut e: Elements<f64> = vec![1.0, 2.0, 3.0].into();
        assert!(e.ascending());
        e[1] = 5.0;
        assert!(!e.ascending(), "a write through the slice");
        e[1] = 2.0;
        assert!(e.ascending());
        e.extend_from_slice(&[0.0]);
        assert!(!e.ascending(), "an appended row");
        e.truncate(3);
        assert!(e.ascending());
        e.prepend(vec![9.0]);
        assert!(!e.ascending(), "a prepended row");
        e.drop_front(1);
        assert!(e.ascending());
        assert!(e.clone().ascending());
    }

    #[test]
    fn bounds_are_remembered_until_the_rows_change() {
        let mut e: Elements<f64> = vec![1.0, f64::NAN, 3.0].into();
        assert_eq!(e.finite_bounds(), Some((1.0, 3.0)));
        e[1] = -f64::INFINITY;
        assert_eq!(
            e.finite_bounds(),
            Some((1.0, 3.0)),
            "infinities are skipped"
        );
        e[1] = 7.0;
        assert_eq!(
            e.finite_bounds(),
            Some((1.0, 7.0)),
            "a write through the slice"
        );
        e.extend_from_slice(&[-2.0]);
        assert_eq!(e.finite_bounds(), Some((-2.0, 7.0)), "an appended row");
        e.drop_front(2);
        assert_eq!(e.finite_bounds(), Some((-2.0, 3.0)), "dropped rows");
        e.truncate(0);
        assert_eq!(e.finite_bounds(), None);
    }
}
