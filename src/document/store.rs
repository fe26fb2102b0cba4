//! The models of a document: creating them, finding them by id or handle, removing them,
//! replacing the whole document, and what the registry says of their types.

use std::cell::Cell;
use std::collections::{BTreeMap, HashSet};

use super::journal::Undo;
use super::{AnyId, Document, DocumentError, Event, Id, ModelId, Value, FORGOTTEN_KEPT};
use crate::core::{DefaultValue, Ids, ModelType, PropType, RefTypes, Schema, TypeSchema};

/// One model: its id, Bokeh type name and the attributes set on it. Attributes left out
/// take their schema's default; a type the registry does not know keeps exactly what it
/// was given.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Its id in the document and on the wire.
    pub id: ModelId,
    /// Bokeh's type name: `"Slider"`.
    pub type_name: String,
    /// The properties set on it, by name; change them through the document, which
    /// validates and records each change.
    pub attrs: BTreeMap<String, Value>,
}

impl Document {
    /// Creates a model of a known type, numbering its id in creation order, so the same
    /// app function builds the same ids wherever it runs. A type the registry does not
    /// define (a user's own [`model!`](crate::model)) is learnt here.
    ///
    /// Panics when the builder's own values break the schema (a slider created with its
    /// value outside start..end): that is a bug in the app, not bad input.
    ///
    /// Adding a model records no change: peers hear of it once it is reachable from a
    /// root, through the change that attaches it (a root added, a property set).
    ///
    /// ```
    /// use rokeh::models::{Slider, TextInput};
    /// use rokeh::Document;
    ///
    /// let mut doc = Document::new();
    /// let freq = doc.add(Slider::new("frequency", 1.0, 0.1, 5.1, 0.1));
    /// let title = doc.add(TextInput { value: "my sine wave".into(), ..TextInput::default() });
    /// assert_eq!(doc.model(freq.any()).type_name, "Slider");
    /// assert_eq!(doc.get(title, TextInput::VALUE), "my sine wave");
    /// ```
    // Out of line: each model type's conversion is one function, compiled by a page only
    // when it adds one (a figure's code names every kind of axis and tool it may make;
    // a page compiles each wasm function on its first call, before its first paint).
    #[inline(never)]
    pub fn add<M: ModelType>(&mut self, model: M) -> Id<M> {
        let ids = Converting {
            doc: self,
            gone: Cell::new(None),
        };
        let all = model.into_attrs(&ids);
        let gone = ids.gone.get();
        Id::new(self.add_built(M::SCHEMA, all, gone))
    }

    /// The part of [`Document::add`] that needs no model type: one copy for every type,
    /// rather than one inlined into each `add` call of an app (a page compiles what its
    /// app runs before its first paint). `all` is every property's value in `schema`'s
    /// order; `gone` a referred model that is no longer in the document.
    #[inline(never)]
    fn add_built(
        &mut self,
        schema: &'static Schema,
        all: Vec<(&'static str, Value)>,
        gone: Option<AnyId>,
    ) -> AnyId {
        if let Some(gone) = gone {
            panic!(
                "invalid {} built by app code: {}",
                schema.name,
                self.gone(gone)
            );
        }
        self.learn(TypeSchema::of(schema));
        let attrs = given(schema, all);
        let any = self.insert_new(schema.name);
        // All in first, then checked: a check across properties (a slider's value within
        // its range) sees every one of them.
        let names: Vec<&str> = attrs.iter().map(|(name, _)| *name).collect();
        for (name, value) in attrs {
            self.write_attr(any, name, value);
        }
        for name in names {
            let value = &self.model(any).attrs[name];
            if let Err(e) = self.validate(any, name, value) {
                panic!("invalid {} built by app code: {e}", schema.name);
            }
        }
        self.apply_theme(any);
        self.add_instance_defaults(any, 0);
        any
    }

    /// A new model of a type known by name, every property at its default, as Python's
    /// `cls()`; `None` for a type the registry does not define.
    pub fn add_default(&mut self, type_name: &str) -> Option<AnyId> {
        self.type_schema(type_name)?;
        let any = self.insert_new(type_name);
        self.apply_theme(any);
        self.add_instance_defaults(any, 0);
        Some(any)
    }

    /// A new model of `type_name` with a fresh id and no attributes yet.
    fn insert_new(&mut self, type_name: &str) -> AnyId {
        let id = self.fresh_id();
        self.insert_model(Model {
            id,
            type_name: type_name.to_owned(),
            attrs: BTreeMap::new(),
        })
        .expect("fresh ids are unique")
    }

    /// Gives the model a new model for each property whose Bokeh default is a new
    /// instance (a source's Selection, a table's CDSView, a column's formatter) and that
    /// app code left unset, as Python Bokeh makes and writes them. A peer reading the
    /// document (bokeh.client) then never makes its own, whose ids would clash with
    /// ours: Python numbers its models p1001, p1002, … as rokeh does.
    fn add_instance_defaults(&mut self, any: AnyId, depth: usize) {
        // Bokeh's instance defaults nest two deep (a CDSView's filter); more is a cycle.
        const DEEPEST: usize = 4;
        let type_name = self.model(any).type_name.clone();
        let Some(schema) = self.type_schema(&type_name).and_then(|t| t.bokeh) else {
            return;
        };
        for name in schema.prop_names() {
            let Some(&DefaultValue::Instance(default_type)) = schema.prop(name).map(|p| p.default)
            else {
                continue;
            };
            if depth >= DEEPEST || self.model(any).attrs.contains_key(name) {
                continue;
            }
            self.learn(TypeSchema {
                hand: None,
                bokeh: Some(default_type),
            });
            let made = self.insert_new(default_type.name);
            self.add_instance_defaults(made, depth + 1);
            let reference = Value::Ref(self.model_id(made).clone());
            self.write_attr(any, name, reference);
        }
    }

    /// Remembers a type the document does not know whole yet (every type, in a
    /// [`Document::lean`]; a user's own model in one that knows rokeh's), so models of
    /// that type are validated and read as the registry's are. Adding a model learns its
    /// type; a lean document that will be sent models of other types learns them here.
    pub fn learn(&mut self, learnt: TypeSchema) {
        if !self.learn_type(learnt) {
            return;
        }
        for (slot, schema) in self.models.iter().zip(&mut self.schemas) {
            if slot.as_ref().is_some_and(|m| m.type_name == learnt.name()) {
                *schema = Some(learnt);
            }
        }
    }

    /// [`Document::learn`], leaving the models' schemas to the caller: whether `learnt`
    /// was taken.
    fn learn_type(&mut self, learnt: TypeSchema) -> bool {
        let known = self.type_schema(learnt.name());
        if known.is_some_and(|k| k.hand.is_some() || learnt.hand.is_none()) {
            return false;
        }
        self.learned.retain(|t| t.name() != learnt.name());
        self.learned.push(learnt);
        true
    }

    /// The type schema of the model in slot `any` (see [`Document::type_schema`]), without
    /// a lookup by name.
    pub(crate) fn schema_of(&self, any: AnyId) -> Option<TypeSchema> {
        self.schemas.get(self.slot(any)?).copied().flatten()
    }

    /// An empty document that knows the model types this one knows, learnt ones included.
    pub(crate) fn blank(&self) -> Document {
        let mut doc = Document::with_registry(self.registry);
        doc.learned = self.learned.clone();
        doc
    }

    /// What the registry (or a learnt type) says of `type_name`; `None` for a type
    /// nobody defines, which is kept verbatim.
    pub fn type_schema(&self, type_name: &str) -> Option<TypeSchema> {
        self.learned
            .iter()
            .find(|t| t.name() == type_name)
            .copied()
            .or_else(|| self.registry.get(type_name))
    }

    /// Adds a model as it is (from JSON, or one of a type nobody defines). Its references
    /// are not checked here: a batch of models may refer to each other in any order.
    pub fn insert_model(&mut self, model: Model) -> Result<AnyId, DocumentError> {
        if self.by_id.contains_key(&model.id) {
            return Err(DocumentError::DuplicateId(model.id));
        }
        let slot = self.vacant_slot();
        let any = AnyId::new(slot as u32, self.generations[slot]);
        self.by_id.insert(model.id.clone(), any);
        self.schemas[slot] = self.type_schema(&model.type_name);
        self.models[slot] = Some(Box::new(model));
        self.derive_columns(any, None);
        self.journal(|| Undo::Inserted(any));
        Ok(any)
    }

    /// Makes the model's derived columns again when `attr` (any, when `None`) is the
    /// property they come from; see [`DerivedColumns`](crate::core::DerivedColumns).
    pub(super) fn derive_columns(&mut self, any: AnyId, attr: Option<&str>) {
        let Some((from, make)) = self
            .schema_of(any)
            .and_then(|t| t.hand)
            .and_then(|s| s.columns)
        else {
            return;
        };
        if attr.is_some_and(|attr| attr != from) {
            return;
        }
        match self.model(any).attrs.get(from).map(make) {
            Some(columns) => self.derived.insert(any, columns),
            None => self.derived.remove(&any),
        };
    }

    /// An empty slot: the last freed, else a new one.
    fn vacant_slot(&mut self) -> usize {
        while let Some(slot) = self.vacant.pop() {
            if self.models[slot as usize].is_none() {
                return slot as usize;
            }
        }
        self.models.push(None);
        self.schemas.push(None);
        self.generations.push(0);
        self.models.len() - 1
    }

    /// Empties `slot`: the handles to its model name nothing from here on. Outside a
    /// batch the slot is free at once; in one, once the batch succeeds.
    pub(super) fn vacate(&mut self, slot: usize) -> Option<Box<Model>> {
        let model = self.models[slot].take()?;
        self.derived
            .remove(&AnyId::new(slot as u32, self.generations[slot]));
        self.generations[slot] = self.generations[slot].wrapping_add(1);
        if self.journal.is_none() {
            self.vacant.push(slot as u32);
        }
        Some(model)
    }

    /// A copy of the model under a new id, as Bokeh's `model.clone()`: the same
    /// properties, the models it refers to shared, not copied.
    pub fn clone_model(&mut self, any: AnyId) -> AnyId {
        let model = Model {
            id: self.fresh_id(),
            type_name: self.model(any).type_name.clone(),
            attrs: self.model(any).attrs.clone(),
        };
        self.insert_model(model).expect("fresh ids are unique")
    }

    pub(super) fn fresh_id(&mut self) -> ModelId {
        loop {
            let id = ModelId(format!("p{}", self.next_id_number));
            self.next_id_number += 1;
            if !self.by_id.contains_key(&id) {
                return id;
            }
        }
    }

    /// The handle of model `id`, if the document has it.
    pub fn lookup(&self, id: &ModelId) -> Option<AnyId> {
        self.by_id.get(id).copied()
    }

    /// The typed handle of model `id`, if it exists and is an `M` (or of a type `M`
    /// reads too, [`ModelType::ALSO`]).
    pub fn typed_id<M: ModelType>(&self, id: &ModelId) -> Option<Id<M>> {
        let any = self.lookup(id)?;
        let name = self.model(any).type_name.as_str();
        (name == M::NAME || M::ALSO.contains(&name)).then(|| Id::new(any))
    }

    /// The model a handle names, if it is still in the document.
    pub fn try_model(&self, any: AnyId) -> Option<&Model> {
        self.models.get(self.slot(any)?)?.as_deref()
    }

    /// The slot of a handle, if its model is still the one there.
    fn slot(&self, any: AnyId) -> Option<usize> {
        let slot = any.slot() as usize;
        (self.generations.get(slot) == Some(&any.generation())).then_some(slot)
    }

    /// The model a handle names. Panics when it was removed (or the document replaced):
    /// use [`Document::try_model`] for handles that may have outlived their model.
    pub fn model(&self, any: AnyId) -> &Model {
        self.try_model(any)
            .unwrap_or_else(|| panic!("{}", self.gone(any)))
    }

    pub(super) fn model_mut(&mut self, any: AnyId) -> &mut Model {
        self.slot(any)
            .and_then(|slot| self.models[slot].as_deref_mut())
            .expect("a model being changed exists")
    }

    /// The id of the model a handle names. Panics when it was removed, as
    /// [`Document::model`] does.
    pub fn model_id(&self, any: AnyId) -> &ModelId {
        &self.model(any).id
    }

    /// The model, or an error naming the handle: for handles app code may have kept.
    pub(super) fn existing(&self, any: AnyId) -> Result<&Model, DocumentError> {
        self.try_model(any).ok_or_else(|| self.gone(any))
    }

    /// Why handle `any` names no model: forgotten once detached, or removed.
    pub(super) fn gone(&self, any: AnyId) -> DocumentError {
        match self.forgotten.get(&any) {
            Some((model_type, id)) => DocumentError::Forgotten {
                model_type: model_type.clone(),
                id: id.clone(),
            },
            None => DocumentError::StaleHandle(any.slot()),
        }
    }

    /// An app value as stored: its handles turned into references. A handle to a model
    /// that is gone is an error saying why, not a null.
    pub(super) fn convert<T: PropType>(&self, value: T) -> Result<Value, DocumentError> {
        let ids = Converting {
            doc: self,
            gone: Cell::new(None),
        };
        let value = value.to_value(&ids);
        ids.gone.get().map_or(Ok(value), |any| Err(self.gone(any)))
    }

    /// Every model, by slot: in creation order until models are removed (a later one
    /// may take a removed one's slot).
    pub fn models(&self) -> impl Iterator<Item = (AnyId, &Model)> {
        self.models
            .iter()
            .zip(&self.generations)
            .enumerate()
            .filter_map(|(slot, (m, &generation))| {
                Some((AnyId::new(slot as u32, generation), m.as_deref()?))
            })
    }

    /// Removes a model, its callbacks and its place among the roots. References to it
    /// elsewhere are the caller's to clear (the JSON layer removes only unreachable models).
    pub fn remove_model(&mut self, any: AnyId) -> Option<Model> {
        let model = *self.vacate(self.slot(any)?)?;
        self.by_id.remove(&model.id);
        self.themed.remove(&any);
        if let Some(at) = self.roots.iter().position(|r| *r == any) {
            self.journal(|| Undo::RootRemoved(at, any));
            self.roots.remove(at);
        }
        if self.config == Some(any) {
            self.journal(|| Undo::Config(Some(any)));
            self.config = None;
        }
        if self
            .document_callbacks
            .iter()
            .any(|(_, list)| list.contains(&any))
        {
            let mut callbacks = self.document_callbacks.clone();
            for (_, list) in &mut callbacks {
                list.retain(|c| *c != any);
            }
            self.set_document_callbacks(callbacks);
        }
        self.journal(|| Undo::Removed(any, Box::new(model.clone())));
        Some(model)
    }

    /// Makes this document `other`, as Bokeh's `replace_with_json` does with a pushed
    /// document: its models, roots, title and config. Every callback is dropped (they
    /// belong to models that are gone), and handles to the old models resolve to nothing.
    /// The model types this document learnt stay known (a [`Document::lean`] page's app
    /// may build models of them again), and it learns those `other` knew.
    /// Recorded as RootRemoved for each old root, RootAdded for each new one and
    /// TitleChanged, from the current actor.
    pub fn replace(&mut self, other: Document) {
        assert!(
            self.journal.is_none(),
            "a document is replaced outside any batch"
        );
        let Document {
            title,
            roots,
            models,
            config,
            document_callbacks,
            next_id_number,
            learned,
            derived,
            ..
        } = other;
        // The new models' schemas are looked up below, once they are in.
        for learnt in learned {
            self.learn_type(learnt);
        }
        let old_roots: Vec<ModelId> = self
            .roots
            .iter()
            .map(|r| self.model_id(*r).clone())
            .collect();
        // The new models were never looked at: none is forgotten before it is.
        self.attached.clear();
        self.forgotten.clear();
        // A pushed document's values are its own, whatever theme made them.
        self.themed.clear();
        self.refs_changed = true;
        // The new models take their own slots from the first, each in a new generation
        // (no old handle names one of them); the slots left over are free.
        let slots = self.models.len().max(models.len());
        for generation in &mut self.generations {
            *generation = generation.wrapping_add(1);
        }
        self.generations.resize(slots, 0);
        self.models = models;
        self.models.resize_with(slots, || None);
        self.vacant = (0..slots as u32)
            .rev()
            .filter(|&slot| self.models[slot as usize].is_none())
            .collect();
        let generations = &self.generations;
        let shift = |any: AnyId| AnyId::new(any.slot(), generations[any.slot() as usize]);
        let schemas: Vec<Option<TypeSchema>> = (self.models.iter())
            .map(|slot| slot.as_ref().and_then(|m| self.type_schema(&m.type_name)))
            .collect();
        self.schemas = schemas;
        self.by_id = self.models().map(|(any, m)| (m.id.clone(), any)).collect();
        self.roots = roots.into_iter().map(shift).collect();
        self.config = config.map(shift);
        self.document_callbacks = (document_callbacks.into_iter())
            .map(|(name, list)| (name, list.into_iter().map(shift).collect()))
            .collect();
        self.derived = derived
            .into_iter()
            .map(|(any, c)| (shift(any), c))
            .collect();
        self.next_id_number = self.next_id_number.max(next_id_number);
        self.callbacks = Default::default();
        for model in old_roots {
            self.record(Event::RootRemoved { model });
        }
        for root in self.roots.clone() {
            let model = self.model_id(root).clone();
            self.record(Event::RootAdded { model });
        }
        self.title = title.clone();
        self.record(Event::TitleChanged { title });
    }

    /// Stores `value` as `attr` of the model, unchecked, and returns what it replaced.
    /// Every attribute write goes through here, so batches can undo it.
    pub(crate) fn write_attr(&mut self, any: AnyId, attr: &str, value: Value) -> Option<Value> {
        let value = self.stored_form(any, attr, value);
        self.refs_changed = self.refs_changed || has_refs(&value);
        let old = self.model_mut(any).attrs.insert(attr.to_owned(), value);
        self.refs_changed = self.refs_changed || old.as_ref().is_some_and(has_refs);
        self.derive_columns(any, Some(attr));
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
        self.derive_columns(any, Some(attr));
        if old.is_some() {
            self.journal(|| Undo::Attr {
                any,
                attr: attr.to_owned(),
                old,
            });
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

    /// Removes the models none of its [anchors](Document::anchors) reaches, as Bokeh's
    /// document forgets models nothing references any more: a figure swapped out of a
    /// layout, say. Returns how many went. Call it once the models it should keep are
    /// attached (a model added but not yet referenced is unreachable too).
    pub fn remove_unreachable(&mut self) -> usize {
        let keep = self.reachable(self.anchors());
        let gone: Vec<AnyId> = self
            .models()
            .map(|(any, _)| any)
            .filter(|any| !keep.contains(any))
            .collect();
        for &any in &gone {
            self.remove_model(any);
        }
        gone.len()
    }

    /// Forgets the models a root (or the config) reached when the document last looked
    /// and no longer reaches, a figure swapped out of a layout say, as Bokeh's document
    /// recomputes its models after each change and drops those gone from its graph. The
    /// page and the server each do it after every operation (see `take_changes`), so
    /// both forget the same models without a word between them (Bokeh's protocol has
    /// none for it). A model added but never yet attached stays: app code may attach it
    /// later, as a Python model lives on outside its document until it is referenced.
    /// A model [`Document::keep`] keeps stays too, with all it reaches.
    pub(super) fn forget_detached(&mut self) {
        if !std::mem::take(&mut self.refs_changed) {
            return;
        }
        self.links += 1;
        let kept = self
            .kept
            .iter()
            .copied()
            .filter(|k| self.try_model(*k).is_some());
        let starts: Vec<AnyId> = self.anchors().chain(kept).collect();
        let reached = self.reachable(starts);
        let gone: Vec<AnyId> = self.attached.difference(&reached).copied().collect();
        for any in gone {
            if let Some(model) = self.remove_model(any) {
                self.forgotten.insert(any, (model.type_name, model.id));
                if self.forgotten.len() > FORGOTTEN_KEPT {
                    self.forgotten.pop_first();
                }
            }
        }
        self.attached = reached;
    }

    /// What holds the document's models: its own callbacks, its config and its roots (in
    /// the order its JSON defines them); what none of them reaches is forgotten, and peers
    /// hold only what they reach.
    pub fn anchors(&self) -> impl Iterator<Item = AnyId> + '_ {
        let callbacks = self
            .document_callbacks
            .iter()
            .flat_map(|(_, l)| l.iter().copied());
        callbacks
            .chain(self.config)
            .chain(self.roots.iter().copied())
    }

    /// Keeps `model`, and all it reaches, while no root reaches it: for a model app code
    /// will attach again (a figure swapped in and out of a layout). Otherwise a detached
    /// model is forgotten once the change that detached it is handed out, as Python
    /// forgets a model nothing references; a Rust handle does not hold it as a Python
    /// reference does, so the app says so here. Using a handle to a forgotten model is
    /// a [`DocumentError::Forgotten`] that says so.
    pub fn keep(&mut self, model: impl Into<AnyId>) {
        self.kept.insert(model.into());
    }

    /// Changes whenever the graph of references may have changed: counts the
    /// [`Document::take_changes`] that handed out changes after a reference was written or
    /// dropped, a root added or removed, or the document replaced. While it stays the
    /// same, what [`Document::reachable`] says stays the same, so a caller may keep it
    /// (the page keeps which models each figure shows).
    pub fn links(&self) -> u64 {
        self.links
    }

    /// The models reachable from `starts` through references, `starts` included.
    pub fn reachable(&self, starts: impl IntoIterator<Item = AnyId>) -> HashSet<AnyId> {
        self.reachable_except(starts, |_| false)
    }

    /// As [`Document::reachable`], never entering (nor counting) a model `skip` names.
    pub fn reachable_except(
        &self,
        starts: impl IntoIterator<Item = AnyId>,
        skip: impl Fn(AnyId) -> bool,
    ) -> HashSet<AnyId> {
        let mut seen = HashSet::new();
        let mut todo: Vec<AnyId> = starts.into_iter().collect();
        while let Some(any) = todo.pop() {
            if !skip(any) && seen.insert(any) {
                for value in self.model(any).attrs.values() {
                    value.visit_refs(&mut |id| todo.extend(self.lookup(id)));
                }
            }
        }
        seen
    }

    pub(super) fn first_dangling_ref<'v>(&self, value: &'v Value) -> Option<&'v ModelId> {
        let mut dangling = None;
        value.visit_refs(&mut |id| {
            if dangling.is_none() && !self.by_id.contains_key(id) {
                dangling = Some(id);
            }
        });
        dangling
    }
}

impl RefTypes for Document {
    fn is_instance(&self, id: &ModelId, base: &str) -> bool {
        let Some(any) = self.lookup(id).filter(|&any| self.try_model(any).is_some()) else {
            return true;
        };
        // A type nobody defines may be anything.
        self.schema_of(any).is_none_or(|t| t.is_a(base))
    }
}

/// The document as app values see it while they are converted, noting a handle to a
/// model that is gone.
struct Converting<'d> {
    doc: &'d Document,
    gone: Cell<Option<AnyId>>,
}

impl RefTypes for Converting<'_> {
    fn is_instance(&self, id: &ModelId, base: &str) -> bool {
        self.doc.is_instance(id, base)
    }
}

impl Ids for Converting<'_> {
    fn model_id(&self, any: AnyId) -> Option<&ModelId> {
        let id = self.doc.try_model(any).map(|m| &m.id);
        if id.is_none() {
            self.gone.set(Some(any));
        }
        id
    }
    fn handle(&self, id: &ModelId) -> Option<AnyId> {
        self.doc.lookup(id)
    }
}

impl Ids for Document {
    fn model_id(&self, any: AnyId) -> Option<&ModelId> {
        self.try_model(any).map(|m| &m.id)
    }
    fn handle(&self, id: &ModelId) -> Option<AnyId> {
        self.lookup(id)
    }
}

fn has_refs(value: &Value) -> bool {
    let mut found = false;
    value.visit_refs(&mut |_| found = true);
    found
}

/// The attributes of a new model of `schema` that differ from their defaults: `all` holds
/// every property's value, in the schema's order.
fn given(schema: &Schema, all: Vec<(&'static str, Value)>) -> Vec<(&'static str, Value)> {
    all.into_iter()
        .zip(schema.props)
        .filter(|((name, value), def)| {
            debug_assert_eq!(*name, def.name);
            def.default.value().as_ref() != Some(value)
        })
        .map(|(attr, _)| attr)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::Slider;

    fn one_slider() -> Document {
        let mut doc = Document::new();
        let slider = doc.add(Slider::new("f", 1.0, 0.0, 2.0, 0.1));
        doc.add_root(slider);
        doc
    }

    /// A document replaced again and again (a session a client pushes to) keeps the slots
    /// of the document it holds, not of every push; a handle from before a replacement
    /// names nothing after, though its slot holds a model again.
    #[test]
    fn replacing_keeps_one_documents_slots_and_old_handles_name_nothing() {
        let mut doc = one_slider();
        let old = doc.roots[0];
        for _ in 0..100 {
            doc.replace(one_slider());
        }
        assert_eq!(doc.models.len(), one_slider().models.len());
        let now = doc.roots[0];
        assert_eq!(now.slot(), old.slot());
        assert!(doc.try_model(now).is_some());
        assert!(doc.try_model(old).is_none());
        let err = doc.get_attr(old, "value").unwrap_err();
        assert!(matches!(err, DocumentError::StaleHandle(_)), "{err}");
    }

    /// Models that come and go take the slots of those gone: the document keeps as many
    /// as it held at once. A removed model's handle stays stale when its slot is taken;
    /// a failed batch that removed a model puts it back with its handle good.
    #[test]
    fn a_removed_models_slot_is_taken_again_and_its_handle_names_nothing() {
        let mut doc = Document::new();
        let slider = |doc: &mut Document| doc.add(Slider::new("f", 1.0, 0.0, 2.0, 0.1)).any();
        let first = slider(&mut doc);
        let slots = doc.models.len();
        let mut gone = first;
        for _ in 0..100 {
            doc.remove_model(gone);
            let next = slider(&mut doc);
            assert!(doc.try_model(gone).is_none());
            assert!(doc.get_attr(gone, "value").is_err());
            gone = next;
        }
        assert_eq!(doc.models.len(), slots);
        assert_eq!(gone.slot(), first.slot());

        let failed: Result<(), DocumentError> = doc.atomically(|doc| {
            doc.remove_model(gone);
            let taken = slider(doc);
            assert_ne!(taken.slot(), gone.slot(), "a batch takes no slot it freed");
            Err(DocumentError::StaleHandle(0))
        });
        assert!(failed.is_err());
        assert_eq!(doc.get_attr(gone, "value").unwrap().as_f64(), Some(1.0));
        assert_eq!(doc.models().count(), doc.models.iter().flatten().count());
    }
}
