//! A document's callbacks: `on_change` ones, registered per (model, property); `on_event`
//! ones, per (model, UI event kind); and periodic ones, by id with their period. All are
//! given the document when they run, and are taken out of their registry while they run,
//! so a callback may change the document freely and a cascade never re-enters the
//! callback that started it: loops end by construction.

use std::collections::{BTreeMap, HashMap};
use std::panic::{self, AssertUnwindSafe};
use std::time::Duration;

use super::{
    Actor, AnyId, Document, DocumentError, Event, EventKind, Id, UiEvent, Value, BOKEH_EVENT,
};
use crate::core::{ModelType, Prop, PropType};

/// What an untyped callback is told: the property's value before and after the change
/// (the callback knows which model and property it was registered for).
pub(crate) struct RawChange<'a> {
    pub(crate) old: &'a Value,
    pub(crate) new: &'a Value,
}

/// What a typed callback is told, as Bokeh's `callback(attr, old, new)`.
#[derive(Clone, Debug, PartialEq)]
pub struct PropertyChange<T> {
    /// The property's name: `"value"`.
    pub attr: &'static str,
    /// Its value before the change.
    pub old: T,
    /// Its value now.
    pub new: T,
}

/// What a callback returns: an error undoes the change that ran it, and everything the
/// callbacks did for it, and goes back to whoever made the change.
pub type CallbackResult = Result<(), DocumentError>;

/// The property naming the UI events a model's peers listen to (Bokeh's `Model`).
const SUBSCRIBED_EVENTS: &str = "subscribed_events";

pub(crate) type RawCallback =
    Box<dyn FnMut(&mut Document, &RawChange<'_>) -> CallbackResult + Send + 'static>;

pub(crate) type PeriodicCallback = Box<dyn FnMut(&mut Document) -> CallbackResult + Send + 'static>;

pub(crate) type EventCallback =
    Box<dyn FnMut(&mut Document, &UiEvent) -> CallbackResult + Send + 'static>;

/// Names a periodic callback, to remove it (as Bokeh's `PeriodicCallback` handle does).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PeriodicCallbackId(u64);

struct Periodic {
    period: Duration,
    /// `None` while it runs.
    callback: Option<PeriodicCallback>,
}

/// The callbacks of a document.
#[derive(Default)]
pub(crate) struct Callbacks {
    by_property: HashMap<(AnyId, String), Vec<RawCallback>>,
    /// By model, `None` for the document's own events (`document_ready`).
    by_event: HashMap<(Option<AnyId>, EventKind), Vec<EventCallback>>,
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

/// Runs an app callback; a panic in it becomes an error, so the change that ran it is
/// undone (the batch around it rolls back) and whoever made the change is told, instead
/// of the panic taking down the page or the server's session.
fn guarded(
    doc: &mut Document,
    callback: impl FnOnce(&mut Document) -> CallbackResult,
) -> CallbackResult {
    // What a callback may leave changed if it panics halfway.
    let (holds, actor) = (doc.holds, doc.actor);
    panic::catch_unwind(AssertUnwindSafe(|| callback(doc))).unwrap_or_else(|panic| {
        (doc.holds, doc.actor) = (holds, actor);
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".into());
        Err(DocumentError::CallbackPanicked(message))
    })
}

impl Document {
    /// Runs `callback` after each change of `prop` on `id`, with the document and the old
    /// and new values, as Bokeh's `model.on_change(attr, callback)`.
    ///
    /// The callback may change the document freely; it does not run again for the
    /// changes it makes itself, so callbacks that set each other's properties end. It
    /// runs where the app runs: in the page for its user's changes, on the server for
    /// changes from clients that run no rokeh code (see [`Actor`]).
    ///
    /// ```
    /// use rokeh::models::{Slider, TextInput};
    ///
    /// let mut doc = rokeh::Document::new();
    /// let freq = doc.add(Slider::new("frequency", 1.0, 0.1, 5.1, 0.1));
    /// let shown = doc.add(TextInput::default());
    /// doc.on_change(freq, Slider::VALUE, move |doc, change| {
    ///     let text = format!("{} → {}", change.old, change.new);
    ///     doc.set(shown, TextInput::VALUE, text)
    /// });
    /// doc.set(freq, Slider::VALUE, 2.0)?;
    /// assert_eq!(doc.get(shown, TextInput::VALUE), "1 → 2");
    /// # Ok::<(), rokeh::document::DocumentError>(())
    /// ```
    pub fn on_change<M, T, F>(&mut self, id: Id<M>, prop: Prop<M, T>, mut callback: F)
    where
        M: ModelType,
        T: PropType + 'static,
        F: FnMut(&mut Document, &PropertyChange<T>) -> CallbackResult + Send + 'static,
    {
        let attr = prop.name;
        self.callbacks.add(
            id.any(),
            attr,
            Box::new(move |doc, raw| {
                // Stored values passed the kind this key's type stands for.
                let convert = |v: &Value| {
                    T::from_value(v, doc).ok_or_else(|| DocumentError::WrongType {
                        model_type: M::NAME.to_owned(),
                        attr: attr.to_owned(),
                        expected: T::KIND.describe(),
                        got: v.preview(),
                    })
                };
                let change = PropertyChange {
                    attr,
                    old: convert(raw.old)?,
                    new: convert(raw.new)?,
                };
                callback(doc, &change)
            }),
        );
    }

    /// Runs `callback` after each change of property `attr` of `model`, whatever its
    /// type, with the old and new values: for one callback over widgets of different
    /// kinds, as Python's `for w in controls: w.on_change("value", update)`.
    pub fn on_change_attr<F>(
        &mut self,
        model: impl Into<AnyId>,
        attr: &'static str,
        mut callback: F,
    ) where
        F: FnMut(&mut Document, &PropertyChange<Value>) -> CallbackResult + Send + 'static,
    {
        self.callbacks.add(
            model.into(),
            attr,
            Box::new(move |doc, raw| {
                let change = PropertyChange {
                    attr,
                    old: raw.old.clone(),
                    new: raw.new.clone(),
                };
                callback(doc, &change)
            }),
        );
    }

    /// Runs `callback` for each UI event of `kind` on `model` (a button's click, a tap on
    /// a plot), as Bokeh's `model.on_event(kind, callback)`. It runs where the event was
    /// made when that side runs the app (the page for its user's clicks), else on the
    /// server (for a Python client's events): once either way.
    ///
    /// ```
    /// use rokeh::document::{EventKind, UiEvent};
    /// use rokeh::models::Button;
    ///
    /// let mut doc = rokeh::Document::new();
    /// let button = doc.add(Button::default());
    /// doc.on_event(button, EventKind::ButtonClick, |doc, _click| {
    ///     doc.set_title("clicked");
    ///     Ok(())
    /// });
    /// // What the page does when its user clicks:
    /// let id = doc.model_id(button.any()).clone();
    /// doc.trigger(UiEvent::new(EventKind::ButtonClick, Some(id)))?;
    /// assert_eq!(doc.title(), "clicked");
    /// # Ok::<(), rokeh::document::DocumentError>(())
    /// ```
    ///
    /// As Python's `on_event`, it adds `kind` to the model's `subscribed_events` (a
    /// change peers hear of): a page sends a plot's or widget's UI events only when its
    /// model subscribes to them (see [`Document::emit`]).
    pub fn on_event<F>(&mut self, model: impl Into<AnyId>, kind: EventKind, callback: F)
    where
        F: FnMut(&mut Document, &UiEvent) -> CallbackResult + Send + 'static,
    {
        let model = model.into();
        self.callbacks
            .by_event
            .entry((Some(model), kind))
            .or_default()
            .push(Box::new(callback));
        self.subscribe(model, kind);
    }

    /// Runs `callback` on each of the document's own events of `kind`, as Python's
    /// `curdoc().on_event(DocumentReady, callback)`: `document_ready`, which the page sends
    /// once it shows the document (to its session's server, which runs it there, or to
    /// itself alone).
    ///
    /// ```
    /// use rokeh::document::{Document, EventKind, UiEvent};
    ///
    /// let mut doc = Document::new();
    /// doc.on_document_event(EventKind::DocumentReady, |doc, _| {
    ///     doc.set_title("ready");
    ///     Ok(())
    /// });
    /// doc.trigger(UiEvent::new(EventKind::DocumentReady, None))?;
    /// assert_eq!(doc.title(), "ready");
    /// # Ok::<(), rokeh::document::DocumentError>(())
    /// ```
    pub fn on_document_event<F>(&mut self, kind: EventKind, callback: F)
    where
        F: FnMut(&mut Document, &UiEvent) -> CallbackResult + Send + 'static,
    {
        self.callbacks
            .by_event
            .entry((None, kind))
            .or_default()
            .push(Box::new(callback));
    }

    /// Adds `kind` to `model`'s `subscribed_events`, as Python's `on_event` does. A model
    /// no longer in the document has nothing to subscribe (its callbacks never run).
    fn subscribe(&mut self, model: AnyId, kind: EventKind) {
        if self.subscribes(model, kind) {
            return;
        }
        let Ok(Value::Set(mut names) | Value::List(mut names)) =
            self.get_attr(model, SUBSCRIBED_EVENTS)
        else {
            return;
        };
        names.push(Value::str(kind.name()));
        // Only a callback on `subscribed_events` itself could refuse this; its error
        // leaves the set as it was, as any refused change does.
        let _ = self.set_attr(model, SUBSCRIBED_EVENTS, Value::Set(names));
    }

    /// Whether `model` subscribes to UI events of `kind`: its `subscribed_events` (which
    /// [`Document::on_event`] here or Python's `on_event` in a peer fills) names it.
    pub fn subscribes(&self, model: AnyId, kind: EventKind) -> bool {
        let Ok(m) = self.existing(model) else {
            return false;
        };
        match m.attrs.get(SUBSCRIBED_EVENTS) {
            Some(Value::Set(names) | Value::List(names)) => {
                names.iter().any(|n| n.as_str() == Some(kind.name()))
            }
            _ => false,
        }
    }

    /// A UI event a user made in a view (a click, a drag or a mouse move over a plot),
    /// sent as BokehJS's `Model._process_event` sends it: only when its model subscribes
    /// to its kind ([`Document::subscribes`]), then as [`Document::trigger`]; a document
    /// event (no model) always. So a plot nobody listens to sends no `MouseMove`s. When
    /// callbacks are attached to it (`js_event_callbacks`), it is also kept for the page
    /// to run them ([`Document::take_js_events`]).
    pub fn emit(&mut self, event: UiEvent) -> CallbackResult {
        let model = event.model.as_ref().and_then(|id| self.lookup(id));
        if model.is_some_and(|m| self.has_js_event_callbacks(m, event.kind)) {
            self.js_events.push(event.clone());
        }
        let subscribed = match &event.model {
            None => true,
            Some(id) => self
                .lookup(id)
                .is_some_and(|model| self.subscribes(model, event.kind)),
        };
        if subscribed {
            self.trigger(event)
        } else {
            Ok(())
        }
    }

    /// A UI event happened: it is recorded as Bokeh's MessageSent `bokeh_event` (so peers
    /// hear of it) and, when the current actor runs callbacks, handed to the `on_event`
    /// callbacks of its model and kind (a document event's to
    /// [`Document::on_document_event`]'s). All or nothing.
    pub fn trigger(&mut self, event: UiEvent) -> CallbackResult {
        let target = match &event.model {
            None => Some(None),
            Some(id) => self.lookup(id).map(Some),
        };
        self.atomically(|doc| {
            doc.record(Event::MessageSent {
                msg_type: BOKEH_EVENT.into(),
                msg_data: event.to_value(),
            });
            let Some(target) = target.filter(|_| doc.actor.run_callbacks) else {
                return Ok(());
            };
            let key = (target, event.kind);
            let Some(mut taken) = doc.callbacks.by_event.remove(&key) else {
                return Ok(());
            };
            let result = doc.acting_as(Actor::LOCAL, |doc| {
                taken
                    .iter_mut()
                    .try_for_each(|cb| guarded(doc, |doc| cb(doc, &event)))
            });
            let slot = doc.callbacks.by_event.entry(key).or_default();
            taken.append(slot);
            *slot = taken;
            result
        })
    }

    /// Runs the callbacks of (`any`, `attr`) if the current actor runs callbacks.
    pub(crate) fn fire(
        &mut self,
        any: AnyId,
        attr: &str,
        old: &Value,
        new: &Value,
    ) -> CallbackResult {
        if !self.actor.run_callbacks {
            return Ok(());
        }
        let Some(mut taken) = self.callbacks.take(any, attr) else {
            return Ok(());
        };
        let change = RawChange { old, new };
        let result = self.acting_as(Actor::LOCAL, |doc| {
            taken
                .iter_mut()
                .try_for_each(|cb| guarded(doc, |doc| cb(doc, &change)))
        });
        self.callbacks.restore(any, attr, taken);
        result
    }

    /// Whether a change of (`any`, `attr`) would run callbacks now.
    pub(crate) fn has_callbacks(&self, any: AnyId, attr: &str) -> bool {
        self.actor.run_callbacks && self.callbacks.has(any, attr)
    }

    /// Runs `callback` every `period`, as Bokeh's `doc.add_periodic_callback`. The document
    /// keeps no clock: whoever runs the document (the page when it runs alone, else the
    /// server) calls [`Document::run_periodic`] on time. What the callback changes is a
    /// local change, recorded and synced like any other.
    ///
    /// Panics on a zero period, as Bokeh refuses one: that is a bug in the app.
    pub fn add_periodic_callback<F>(&mut self, period: Duration, callback: F) -> PeriodicCallbackId
    where
        F: FnMut(&mut Document) -> CallbackResult + Send + 'static,
    {
        assert!(
            !period.is_zero(),
            "a periodic callback needs a period above zero"
        );
        self.callbacks.add_periodic(period, Box::new(callback))
    }

    /// Stops a periodic callback; false if it was not registered (removed already).
    pub fn remove_periodic_callback(&mut self, id: PeriodicCallbackId) -> bool {
        self.callbacks.remove_periodic(id)
    }

    /// The periodic callbacks registered now, with their periods, in the order added: what
    /// a driver needs to keep its timers.
    pub fn periodic_callbacks(&self) -> impl Iterator<Item = (PeriodicCallbackId, Duration)> + '_ {
        self.callbacks.periodic()
    }

    /// Runs periodic callback `id` once, as a local change, all or nothing: when it
    /// fails, the document is left as it was. A callback removed meanwhile (or running
    /// now) does nothing.
    pub fn run_periodic(&mut self, id: PeriodicCallbackId) -> CallbackResult {
        let Some(mut callback) = self.callbacks.take_periodic(id) else {
            return Ok(());
        };
        let result = self.acting_as(Actor::LOCAL, |doc| {
            guarded(doc, |doc| doc.atomically(|doc| callback(doc)))
        });
        self.callbacks.restore_periodic(id, callback);
        result
    }
}
