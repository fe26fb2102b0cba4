//! A document's callbacks: `on_change` ones, registered per (model, property), and periodic
//! ones, registered by id with their period. All are given the document when they run.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use super::{AnyId, Document, DocumentError, Value};

/// What an untyped callback is told: which property changed, from what, to what.
pub struct RawChange<'a> {
    pub model: AnyId,
    pub attr: &'a str,
    pub old: &'a Value,
    pub new: &'a Value,
}

/// What a typed callback is told, as Bokeh's `callback(attr, old, new)`.
#[derive(Clone, Debug, PartialEq)]
pub struct PropertyChange<T> {
    pub attr: &'static str,
    pub old: T,
    pub new: T,
}

pub type CallbackResult = Result<(), DocumentError>;

pub(crate) type RawCallback =
    Box<dyn FnMut(&mut Document, &RawChange<'_>) -> CallbackResult + Send + 'static>;

pub(crate) type PeriodicCallback = Box<dyn FnMut(&mut Document) -> CallbackResult + Send + 'static>;

/// Names a periodic callback, to remove it (as Bokeh's `PeriodicCallback` handle does).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PeriodicCallbackId(u64);

struct Periodic {
    period: Duration,
    /// `None` while it runs.
    callback: Option<PeriodicCallback>,
}

/// The callbacks of a document. Callbacks are taken out while they run, so a callback may
/// change the document freely, and a cascade can never re-enter the callback that started
/// it: loops end by construction.
#[derive(Default)]
pub(crate) struct Callbacks {
    by_property: HashMap<(AnyId, String), Vec<RawCallback>>,
    periodic: BTreeMap<PeriodicCallbackId, Periodic>,
    next_periodic: u64,
}

impl Callbacks {
    pub(crate) fn add(&mut self, model: AnyId, attr: &str, callback: RawCallback) {
        self.by_property
            .entry((model, attr.to_owned()))
            .or_default()
            .push(callback);
    }

    pub(crate) fn has(&self, model: AnyId, attr: &str) -> bool {
        self.by_property.contains_key(&(model, attr.to_owned()))
    }

    pub(crate) fn take(&mut self, model: AnyId, attr: &str) -> Option<Vec<RawCallback>> {
        self.by_property.remove(&(model, attr.to_owned()))
    }

    /// Puts taken callbacks back ahead of any registered while they ran.
    pub(crate) fn restore(&mut self, model: AnyId, attr: &str, mut taken: Vec<RawCallback>) {
        let slot = self
            .by_property
            .entry((model, attr.to_owned()))
            .or_default();
        taken.append(slot);
        *slot = taken;
    }
}

impl Callbacks {
    pub(crate) fn add_periodic(
        &mut self,
        period: Duration,
        callback: PeriodicCallback,
    ) -> PeriodicCallbackId {
        let id = PeriodicCallbackId(self.next_periodic);
        self.next_periodic += 1;
        let callback = Some(callback);
        self.periodic.insert(id, Periodic { period, callback });
        id
    }

    /// Whether `id` was registered. A callback removed while it runs is not put back.
    pub(crate) fn remove_periodic(&mut self, id: PeriodicCallbackId) -> bool {
        self.periodic.remove(&id).is_some()
    }

    pub(crate) fn periodic(&self) -> impl Iterator<Item = (PeriodicCallbackId, Duration)> + '_ {
        self.periodic.iter().map(|(id, p)| (*id, p.period))
    }

    /// `None` when `id` is not registered, or is running now.
    pub(crate) fn take_periodic(&mut self, id: PeriodicCallbackId) -> Option<PeriodicCallback> {
        self.periodic.get_mut(&id)?.callback.take()
    }

    pub(crate) fn restore_periodic(&mut self, id: PeriodicCallbackId, callback: PeriodicCallback) {
        if let Some(slot) = self.periodic.get_mut(&id) {
            slot.callback = Some(callback);
        }
    }
}
