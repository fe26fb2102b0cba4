//! The document: a store of models (typed property bags with ids, named as in Bokeh), its
//! roots and title. Every change goes through here: it is validated, recorded as an
//! [`Event`] with its [`Origin`], and handed to the `on_change` callbacks.

mod array;
mod callbacks;
mod columns;
mod elements;
mod error;
mod events;
mod id;
mod journal;
pub mod json;
mod patch;
mod stream;
mod value;

pub use array::{ArrayData, DType, Element, NdArray};
pub use callbacks::{CallbackResult, PeriodicCallbackId, PropertyChange, RawChange};
pub(crate) use columns::column_len;
pub use elements::Elements;
pub use error::DocumentError;
pub use events::{Change, Event, Origin, PeerId};
pub use id::{AnyId, Id, ModelId};
pub use patch::{ColumnPatches, PatchIndex};
pub use value::Value;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Duration;

use crate::models::{schema_for, ModelType, Prop, PropValue, Schema};
use callbacks::Callbacks;
use journal::{Journal, Undo};

/// One model: its id, Bokeh type name and the attributes set on it. Attributes left out
/// take their schema's default; a type without a schema keeps exactly what it was given.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub id: ModelId,
    pub type_name: String,
    pub attrs: BTreeMap<String, Value>,
}

impl Model {
    pub fn schema(&self) -> Option<&'static Schema> {
        schema_for(&self.type_name)
    }

    /// The attribute's value, or its default when it was never set.
    pub fn attr(&self, name: &str) -> Option<Value> {
        self.attrs.get(name).cloned().or_else(|| {
            self.schema()
                .and_then(|s| s.prop(name))
                .map(|p| p.default.value())
        })
    }
}

/// Where new models' ids start, as in Bokeh ("p1001").
const FIRST_ID_NUMBER: u64 = 1001;

pub struct Document {
    title: String,
    roots: Vec<AnyId>,
    /// Slots in creation order; a handle is an index here. Removed models leave `None`.
    models: Vec<Option<Model>>,
    by_id: HashMap<ModelId, AnyId>,
    /// Bokeh's `DocumentConfig` model, when the document came with one.
    config: Option<AnyId>,
    next_id_number: u64,
    callbacks: Callbacks,
    changes: Vec<Change>,
    /// Set while an all-or-nothing batch runs.
    journal: Option<Journal>,
    /// Open holds: while any is open, `take_changes` hands out nothing.
    holds: u32,
}

impl Default for Document {
    fn default() -> Self {
        Document::new()
    }
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("title", &self.title)
            .field("roots", &self.roots)
            .field("models", &self.models)
            .finish_non_exhaustive()
    }
}

impl Document {
    pub fn new() -> Document {
        Document {
            title: "Bokeh Application".into(),
            roots: Vec::new(),
            models: Vec::new(),
            by_id: HashMap::new(),
            config: None,
            next_id_number: FIRST_ID_NUMBER,
            callbacks: Callbacks::default(),
            changes: Vec::new(),
            journal: None,
            holds: 0,
        }
    }

    // ----- models and handles -----

    /// Creates a model of a known type, numbering its id in creation order, so the same
    /// app function builds the same ids wherever it runs.
    ///
    /// Panics when the builder's own values break the schema (a slider created with its
    /// value outside start..end): that is a bug in the app, not bad input.
    pub fn add<M: ModelType>(&mut self, model: M) -> Id<M> {
        let attrs = model.into_attrs(self);
        let id = self.fresh_id();
        let any = self
            .insert_model(Model {
                id,
                type_name: M::NAME.to_owned(),
                attrs: BTreeMap::new(),
            })
            .expect("fresh ids are unique");
        for (name, value) in attrs {
            if let Err(e) = self.validate(any, name, &value) {
                panic!("invalid {} built by app code: {e}", M::NAME);
            }
            self.write_attr(any, name, value);
        }
        Id::new(any)
    }

    /// Adds a model as it is (from JSON, or one rokeh has no schema for). Its references
    /// are not checked here: a batch of models may refer to each other in any order.
    pub fn insert_model(&mut self, model: Model) -> Result<AnyId, DocumentError> {
        if self.by_id.contains_key(&model.id) {
            return Err(DocumentError::DuplicateId(model.id));
        }
        let any = AnyId(self.models.len() as u32);
        self.by_id.insert(model.id.clone(), any);
        self.models.push(Some(model));
        self.journal(|| Undo::Inserted(any));
        Ok(any)
    }

    fn fresh_id(&mut self) -> ModelId {
        loop {
            let id = ModelId(format!("p{}", self.next_id_number));
            self.next_id_number += 1;
            if !self.by_id.contains_key(&id) {
                return id;
            }
        }
    }

    pub fn lookup(&self, id: &ModelId) -> Option<AnyId> {
        self.by_id.get(id).copied()
    }

    /// The typed handle of model `id`, if it exists and is an `M`.
    pub fn typed_id<M: ModelType>(&self, id: &ModelId) -> Option<Id<M>> {
        let any = self.lookup(id)?;
        (self.model(any).type_name == M::NAME).then(|| Id::new(any))
    }

    pub fn model(&self, any: AnyId) -> &Model {
        self.models[any.0 as usize]
            .as_ref()
            .expect("handles outlive no model")
    }

    fn model_mut(&mut self, any: AnyId) -> &mut Model {
        self.models[any.0 as usize]
            .as_mut()
            .expect("handles outlive no model")
    }

    pub fn model_id(&self, any: AnyId) -> &ModelId {
        &self.model(any).id
    }

    /// Every model, in creation order.
    pub fn models(&self) -> impl Iterator<Item = (AnyId, &Model)> {
        self.models
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((AnyId(i as u32), m.as_ref()?)))
    }

    /// Removes a model and its callbacks' registrations from the store. References to it
    /// elsewhere are the caller's to clear (the JSON layer removes only unreachable models).
    pub fn remove_model(&mut self, any: AnyId) -> Option<Model> {
        let model = self.models.get_mut(any.0 as usize)?.take()?;
        self.by_id.remove(&model.id);
        if self.roots.contains(&any) {
            let roots = self.roots.clone();
            self.journal(|| Undo::Roots(roots));
            self.roots.retain(|r| *r != any);
        }
        if self.config == Some(any) {
            self.journal(|| Undo::Config(Some(any)));
            self.config = None;
        }
        self.journal(|| Undo::Removed(any, Box::new(model.clone())));
        Some(model)
    }

    /// Stores `value` as `attr` of the model, unchecked, and returns what it replaced.
    /// Every attribute write goes through here, so batches can undo it.
    pub(crate) fn write_attr(&mut self, any: AnyId, attr: &str, value: Value) -> Option<Value> {
        let old = self.model_mut(any).attrs.insert(attr.to_owned(), value);
        if self.journal.is_some() {
            let old = old.clone();
            self.journal(|| Undo::Attr {
                any,
                attr: attr.to_owned(),
                old,
            });
        }
        old
    }

    /// Removes `attr` of the model, so it takes its default again.
    pub(crate) fn unset_attr(&mut self, any: AnyId, attr: &str) {
        let old = self.model_mut(any).attrs.remove(attr);
        if old.is_some() {
            self.journal(|| Undo::Attr {
                any,
                attr: attr.to_owned(),
                old,
            });
        }
    }

    /// The event that says `attr` of the model is now `new`: a ColumnDataSource's `data`
    /// is replaced whole (ColumnDataChanged), anything else is a ModelChanged.
    pub(crate) fn attr_event(&self, any: AnyId, attr: &str, new: Value) -> Event {
        let model = self.model(any);
        let (model_id, attr) = (model.id.clone(), attr.to_owned());
        if model.type_name == "ColumnDataSource" && attr == "data" {
            Event::ColumnDataChanged {
                model: model_id,
                attr,
                cols: None,
                data: new,
            }
        } else {
            Event::ModelChanged {
                model: model_id,
                attr,
                new,
            }
        }
    }

    /// Bokeh's `DocumentConfig` model, if the document has one.
    pub fn config(&self) -> Option<AnyId> {
        self.config
    }

    pub(crate) fn set_config(&mut self, config: Option<AnyId>) {
        let old = self.config;
        self.journal(|| Undo::Config(old));
        self.config = config;
    }

    // ----- title and roots -----

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn set_title(&mut self, title: impl Into<String>) {
        self.set_title_from(title.into(), Origin::Local);
    }

    pub fn set_title_from(&mut self, title: String, origin: Origin) {
        if self.title != title {
            let old = std::mem::replace(&mut self.title, title.clone());
            self.journal(|| Undo::Title(old));
            self.record(Event::TitleChanged { title }, origin);
        }
    }

    /// Sends `data` to the peers as Bokeh's MessageSent event of kind `msg_type`; the
    /// document itself does not change.
    pub fn send_message(&mut self, msg_type: impl Into<String>, data: Value) {
        let msg_type = msg_type.into();
        self.record(
            Event::MessageSent {
                msg_type,
                msg_data: data,
            },
            Origin::Local,
        );
    }

    pub fn roots(&self) -> &[AnyId] {
        &self.roots
    }

    pub fn add_root(&mut self, root: impl Into<AnyId>) {
        self.add_root_from(root.into(), Origin::Local);
    }

    pub fn add_root_from(&mut self, root: AnyId, origin: Origin) {
        if !self.roots.contains(&root) {
            let old = self.roots.clone();
            self.journal(|| Undo::Roots(old));
            self.roots.push(root);
            let model = self.model_id(root).clone();
            self.record(Event::RootAdded { model }, origin);
        }
    }

    pub fn remove_root(&mut self, root: impl Into<AnyId>) {
        self.remove_root_from(root.into(), Origin::Local);
    }

    pub fn remove_root_from(&mut self, root: AnyId, origin: Origin) {
        if let Some(at) = self.roots.iter().position(|r| *r == root) {
            let old = self.roots.clone();
            self.journal(|| Undo::Roots(old));
            self.roots.remove(at);
            let model = self.model_id(root).clone();
            self.record(Event::RootRemoved { model }, origin);
        }
    }

    // ----- properties -----

    /// A property's value: `doc.get(freq, Slider::VALUE)` is an `f64`.
    pub fn get<M: ModelType, T: PropValue>(&self, id: Id<M>, prop: Prop<M, T>) -> T {
        let value = self
            .get_attr(id.any, prop.name)
            .unwrap_or_else(|e| panic!("{e}: typed keys name schema properties"));
        T::from_value(&value, self).unwrap_or_else(|| {
            panic!(
                "{}.{} holds {}, which its schema does not allow",
                M::NAME,
                prop.name,
                value.kind_name()
            )
        })
    }

    /// Sets a property as a local change: validated, recorded, callbacks run.
    pub fn set<M: ModelType, T: PropValue>(
        &mut self,
        id: Id<M>,
        prop: Prop<M, T>,
        value: impl Into<T>,
    ) -> Result<(), DocumentError> {
        let value = value.into().into_value(self);
        self.set_attr(id.any, prop.name, value)
    }

    /// A property's value by name, with its default when never set.
    pub fn get_attr(&self, any: AnyId, attr: &str) -> Result<Value, DocumentError> {
        let model = self.model(any);
        model
            .attr(attr)
            .ok_or_else(|| DocumentError::UnknownProperty {
                model_type: model.type_name.clone(),
                attr: attr.to_owned(),
            })
    }

    /// Sets a property by name as a local change.
    pub fn set_attr(&mut self, any: AnyId, attr: &str, value: Value) -> Result<(), DocumentError> {
        self.set_attr_from(any, attr, value, Origin::Local, true)
    }

    /// Sets a property on behalf of `origin`. `run_callbacks` is false when the side that
    /// made the change has run them already (a rokeh page), so they run exactly once.
    pub fn set_attr_from(
        &mut self,
        any: AnyId,
        attr: &str,
        value: Value,
        origin: Origin,
        run_callbacks: bool,
    ) -> Result<(), DocumentError> {
        self.validate(any, attr, &value)?;
        let old = self.get_attr(any, attr).unwrap_or(Value::Null);
        if old == value {
            return Ok(());
        }
        // A callback's error undoes the change and whatever the callbacks did.
        self.atomically(|doc| {
            doc.write_attr(any, attr, value.clone());
            let event = doc.attr_event(any, attr, value.clone());
            doc.record(event, origin);
            if run_callbacks {
                doc.fire(any, attr, &old, &value)?;
            }
            Ok(())
        })
    }

    /// Checks that `value` may be stored as `attr` of the model: a property of its type,
    /// of the right kind, within its domain, referring only to models that exist.
    pub fn validate(&self, any: AnyId, attr: &str, value: &Value) -> Result<(), DocumentError> {
        let model = self.model(any);
        let err_ctx = || (model.type_name.clone(), attr.to_owned());
        // A type without a schema takes any attribute; a Bokeh property rokeh does not
        // render takes any value. References must resolve either way.
        let schema = model.schema();
        let prop = schema.and_then(|s| s.prop(attr));
        match (schema, prop) {
            (Some(schema), None) if !crate::models::is_bokeh_property(schema.name, attr) => {
                let (model_type, attr) = err_ctx();
                return Err(DocumentError::UnknownProperty { model_type, attr });
            }
            (Some(_), Some(prop)) if !prop.kind.accepts(value) => {
                let (model_type, attr) = err_ctx();
                return Err(DocumentError::WrongType {
                    model_type,
                    attr,
                    expected: prop.kind.describe(),
                    got: value.preview(),
                });
            }
            _ => {}
        }
        if let Some(target) = self.first_dangling_ref(value) {
            let (model_type, attr) = err_ctx();
            return Err(DocumentError::DanglingReference {
                model_type,
                attr,
                target: target.clone(),
            });
        }
        let (Some(schema), Some(_)) = (schema, prop) else {
            return Ok(());
        };
        if let Some(check) = schema.check {
            let get = |name: &str| model.attr(name).unwrap_or(Value::Null);
            check(&get, attr, value).map_err(|message| {
                let (model_type, attr) = err_ctx();
                DocumentError::OutOfDomain {
                    model_type,
                    attr,
                    message,
                }
            })?;
        }
        Ok(())
    }

    // ----- callbacks and events -----

    /// Runs `callback` after each change of `prop` on `id`, with the document and the old
    /// and new values, as Bokeh's `model.on_change(attr, callback)`.
    pub fn on_change<M, T, F>(&mut self, id: Id<M>, prop: Prop<M, T>, mut callback: F)
    where
        M: ModelType,
        T: PropValue + 'static,
        F: FnMut(&mut Document, &PropertyChange<T>) -> CallbackResult + Send + 'static,
    {
        let attr = prop.name;
        self.callbacks.add(
            id.any,
            attr,
            Box::new(move |doc, raw| {
                let convert = |v: &Value| {
                    T::from_value(v, doc).unwrap_or_else(|| {
                        panic!("{}.{attr} holds a value its schema does not allow", M::NAME)
                    })
                };
                let change = PropertyChange {
                    attr,
                    old: convert(raw.old),
                    new: convert(raw.new),
                };
                callback(doc, &change)
            }),
        );
    }

    /// Runs the callbacks of (`any`, `attr`). They are taken out while they run, so they
    /// may change the document, and a cascade never re-enters them.
    fn fire(&mut self, any: AnyId, attr: &str, old: &Value, new: &Value) -> CallbackResult {
        let Some(mut taken) = self.callbacks.take(any, attr) else {
            return Ok(());
        };
        let change = RawChange {
            model: any,
            attr,
            old,
            new,
        };
        let result = taken.iter_mut().try_for_each(|cb| cb(self, &change));
        self.callbacks.restore(any, attr, taken);
        result
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

    /// Runs periodic callback `id` once, all or nothing: when it fails, the document is
    /// left as it was. A callback removed meanwhile (or running now) does nothing.
    pub fn run_periodic(&mut self, id: PeriodicCallbackId) -> CallbackResult {
        let Some(mut callback) = self.callbacks.take_periodic(id) else {
            return Ok(());
        };
        let result = self.atomically(|doc| callback(doc));
        self.callbacks.restore_periodic(id, callback);
        result
    }

    /// Records a change. A change that supersedes an earlier one (the same attribute set
    /// again, by the same origin) replaces it, so a patch carries only the last value:
    /// the change just before it, or under a hold (like Bokeh's `hold("combine")`) the
    /// latest one with no change to the same model in between. Never across a change
    /// to that model: that could reorder a slider's value before its new range.
    pub(crate) fn record(&mut self, event: Event, origin: Origin) {
        let change = Change { event, origin };
        let mut combine_at = None;
        for (at, earlier) in self.changes.iter().enumerate().rev() {
            if earlier.origin == origin && change.event.supersedes(&earlier.event) {
                combine_at = Some(at);
                break;
            }
            let same_model =
                earlier.event.model().is_some() && earlier.event.model() == change.event.model();
            if self.holds == 0 || same_model {
                break;
            }
        }
        match combine_at {
            Some(at) => {
                let replaced = std::mem::replace(&mut self.changes[at], change);
                self.journal(|| Undo::Combined(at, Box::new(replaced)));
            }
            None => self.changes.push(change),
        }
    }

    /// Takes the changes recorded since the last call, oldest first. The page and the
    /// server drain them after each operation to redraw and to sync. While a hold is
    /// open, or a batch runs (a callback asking), this hands out nothing: everything made
    /// under the hold goes out together, and a batch may still undo its changes.
    pub fn take_changes(&mut self) -> Vec<Change> {
        if self.holds > 0 || self.journal.is_some() {
            return Vec::new();
        }
        std::mem::take(&mut self.changes)
    }

    /// Like Bokeh's `doc.hold()`: the changes made until the matching [`Document::unhold`]
    /// are handed out by one `take_changes`, hence sent as one patch. Holds nest.
    pub fn hold(&mut self) {
        self.holds += 1;
    }

    pub fn unhold(&mut self) {
        self.holds = self.holds.saturating_sub(1);
    }

    /// The models reachable from `starts` through references, `starts` included.
    pub fn reachable(&self, starts: impl IntoIterator<Item = AnyId>) -> HashSet<AnyId> {
        let mut seen = HashSet::new();
        let mut todo: Vec<AnyId> = starts.into_iter().collect();
        while let Some(any) = todo.pop() {
            if seen.insert(any) {
                for value in self.model(any).attrs.values() {
                    value.visit_refs(&mut |id| todo.extend(self.lookup(id)));
                }
            }
        }
        seen
    }

    fn first_dangling_ref<'v>(&self, value: &'v Value) -> Option<&'v ModelId> {
        let mut dangling = None;
        value.visit_refs(&mut |id| {
            if dangling.is_none() && !self.by_id.contains_key(id) {
                dangling = Some(id);
            }
        });
        dangling
    }

    /// Runs `f` under a hold and all or nothing: its changes go out as one patch, and if
    /// it fails the document is left as it was.
    pub fn batch<T, E>(&mut self, f: impl FnOnce(&mut Document) -> Result<T, E>) -> Result<T, E> {
        self.hold();
        let result = self.atomically(f);
        self.unhold();
        result
    }
}
