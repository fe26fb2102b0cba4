//! `on_change` callbacks: registered per (model, property), given the document when they run.

use std::collections::HashMap;

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

/// The callbacks of a document. A key's callbacks are taken out while they run, so a
/// callback may change the document freely, and a cascade can never re-enter the callback
/// that started it: loops end by construction.
#[derive(Default)]
pub(crate) struct Callbacks {
    by_property: HashMap<(AnyId, String), Vec<RawCallback>>,
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
