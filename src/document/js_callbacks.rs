//! The callbacks a page runs (Bokeh's `js_property_callbacks` and `js_event_callbacks`):
//! models such as `CustomJS` attached to a model's property or UI event, or to the
//! document's own events (`document_ready`, ...). The document only keeps the attachments,
//! as properties of the model that peers see, or with the document (sent with it whole, as
//! Bokeh sends them); the page runs them.

use super::journal::Undo;
use super::{AnyId, Document, DocumentError, EventKind, UiEvent, Value};

/// A model's property holding the callbacks run when one of its properties changes,
/// under `"change:<attr>"`.
pub const JS_PROPERTY_CALLBACKS: &str = "js_property_callbacks";
/// A model's property holding the callbacks run when a UI event happens on it, under the
/// event's name.
pub const JS_EVENT_CALLBACKS: &str = "js_event_callbacks";

impl Document {
    /// Runs `callback` (a `CustomJS`, `SetValue`, ...) in the page whenever `attr` of
    /// `model` changes, as Python's `model.js_on_change(attr, callback)`: it is added to
    /// `model`'s `js_property_callbacks` under `"change:<attr>"` (once; a name that is no
    /// property of the model, such as a source's `"streaming"`, is kept as it is).
    ///
    /// ```
    /// use rokeh::models::{CustomJS, Div, Slider};
    /// use rokeh::Document;
    ///
    /// let mut doc = Document::new();
    /// let slider = doc.add(Slider::new("power", 1.0, 1.0, 4.0, 0.5));
    /// let div = doc.add(Div { text: String::new(), ..Div::default() });
    /// let show = doc.add(CustomJS {
    ///     args: rokeh::core::Dict(vec![("div".into(), div.into())]),
    ///     code: "div.text = `power ${cb_obj.value}`".into(),
    /// });
    /// doc.js_on_change(slider, "value", show)?;
    /// # Ok::<(), rokeh::document::DocumentError>(())
    /// ```
    pub fn js_on_change(
        &mut self,
        model: impl Into<AnyId>,
        attr: &str,
        callback: impl Into<AnyId>,
    ) -> Result<(), DocumentError> {
        let model = model.into();
        let is_property = self
            .schema_of(model)
            .is_some_and(|schema| schema.prop(attr).is_some());
        let key = if is_property {
            format!("change:{attr}")
        } else {
            attr.to_owned()
        };
        self.attach(model, JS_PROPERTY_CALLBACKS, &key, callback.into())
    }

    /// Runs `callback` in the page whenever UI event `kind` happens on `model`, as
    /// Python's `model.js_on_event(kind, callback)` (and a button's `js_on_click`): it is
    /// added to `model`'s `js_event_callbacks` under the event's name, once.
    pub fn js_on_event(
        &mut self,
        model: impl Into<AnyId>,
        kind: EventKind,
        callback: impl Into<AnyId>,
    ) -> Result<(), DocumentError> {
        self.attach(
            model.into(),
            JS_EVENT_CALLBACKS,
            kind.name(),
            callback.into(),
        )
    }

    /// The callbacks attached to `model` in `property` ([`JS_PROPERTY_CALLBACKS`] or
    /// [`JS_EVENT_CALLBACKS`]) under `key`, in order; those no longer in the document are
    /// left out.
    pub fn js_callbacks(&self, model: AnyId, property: &str, key: &str) -> Vec<AnyId> {
        let Ok(attached) = self.attr(model, property) else {
            return Vec::new();
        };
        let Some(list) = entry(&attached, key) else {
            return Vec::new();
        };
        list.iter()
            .filter_map(|v| self.lookup(v.as_ref_id()?))
            .collect()
    }

    /// Whether any callback is attached to `model` in `property` ([`JS_PROPERTY_CALLBACKS`]
    /// or [`JS_EVENT_CALLBACKS`]).
    pub fn has_js_callbacks(&self, model: AnyId, property: &str) -> bool {
        match self.attr(model, property).as_deref() {
            Ok(Value::Map(entries)) => !entries.is_empty(),
            Ok(Value::Object(fields)) => !fields.is_empty(),
            _ => false,
        }
    }

    /// Whether callbacks are attached to UI events of `kind` on `model`.
    pub fn has_js_event_callbacks(&self, model: AnyId, kind: EventKind) -> bool {
        !self
            .js_callbacks(model, JS_EVENT_CALLBACKS, kind.name())
            .is_empty()
    }

    /// The UI events emitted ([`Document::emit`]) on models with callbacks attached to
    /// them since the last call, for the page to run those; none while a batch is open
    /// (a batch that fails takes its events back).
    pub fn take_js_events(&mut self) -> Vec<UiEvent> {
        if self.journal.is_some() {
            return Vec::new();
        }
        std::mem::take(&mut self.js_events)
    }

    /// Runs `callback` in the page when document event `kind` happens
    /// ([`EventKind::DocumentReady`]: the page shows the document; `ConnectionLost`,
    /// `ClientReconnected`: its session's connection), as Python's `doc.js_on_event`. Like
    /// Bokeh's, these travel with the whole document (a pull or a push), not in a patch.
    pub fn js_on_document_event(
        &mut self,
        kind: EventKind,
        callback: impl Into<AnyId>,
    ) -> Result<(), DocumentError> {
        let callback = callback.into();
        self.existing(callback)?;
        let mut callbacks = self.document_callbacks.clone();
        match callbacks.iter_mut().find(|(name, _)| name == kind.name()) {
            Some((_, list)) if list.contains(&callback) => return Ok(()),
            Some((_, list)) => list.push(callback),
            None => callbacks.push((kind.name().to_owned(), vec![callback])),
        }
        self.set_document_callbacks(callbacks);
        Ok(())
    }

    /// The callbacks attached to document event `name` (`"document_ready"`), in order.
    pub fn document_js_callbacks(&self, name: &str) -> Vec<AnyId> {
        self.document_callbacks
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, list)| list.iter().copied())
            .filter(|c| self.try_model(*c).is_some())
            .collect()
    }

    /// Every document event's callbacks, by event name.
    pub(crate) fn document_callbacks(&self) -> &[(String, Vec<AnyId>)] {
        &self.document_callbacks
    }

    pub(crate) fn set_document_callbacks(&mut self, callbacks: Vec<(String, Vec<AnyId>)>) {
        let old = std::mem::replace(&mut self.document_callbacks, callbacks);
        self.journal(|| Undo::DocumentCallbacks(old));
        self.refs_changed = true;
    }

    fn attach(
        &mut self,
        model: AnyId,
        property: &str,
        key: &str,
        callback: AnyId,
    ) -> Result<(), DocumentError> {
        let reference = Value::Ref(self.existing(callback)?.id.clone());
        let mut entries = match self.get_attr(model, property)? {
            Value::Map(entries) => entries,
            _ => Vec::new(),
        };
        match entries.iter_mut().find(|(k, _)| k.as_str() == Some(key)) {
            Some((_, Value::List(list))) if list.contains(&reference) => return Ok(()),
            Some((_, Value::List(list))) => list.push(reference),
            Some((_, other)) => *other = Value::List(vec![reference]),
            None => entries.push((Value::str(key), Value::List(vec![reference]))),
        }
        self.set_attr(model, property, Value::Map(entries))
    }
}

/// The list under `key` of a map of callbacks.
fn entry<'a>(attached: &'a Value, key: &str) -> Option<&'a [Value]> {
    let found = match attached {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v),
        Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    };
    found?.as_list()
}
