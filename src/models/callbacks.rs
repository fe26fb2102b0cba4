//! Bokeh's callbacks run in the page, as BokehJS runs them: JavaScript (`CustomJS`) and the
//! declarative ones (`SetValue`, `ToggleVisibility`, `OpenURL`), attached to a model's
//! property changes or UI events with [`Document::js_on_change`] and
//! [`Document::js_on_event`] (Python's `js_on_change`, `js_on_event`, `js_on_click`). The
//! server never runs them; a page runs them whatever made the change, as BokehJS does.
//!
//! [`Document::js_on_change`]: crate::Document::js_on_change
//! [`Document::js_on_event`]: crate::Document::js_on_event

use crate::core::{AnyId, Dict, Ids, Kind, PropType, Value};

models! {
    /// JavaScript run in the page when what it is attached to changes or happens, with
    /// `args`' names bound to their values (models as live objects whose properties read
    /// and write the document), `cb_obj` (and `this`) the model that changed or the event,
    /// as Bokeh's `CustomJS`. Code that has an `export default` line is an ES module whose
    /// default function is called with `(args, obj, data, context)`.
    pub struct CustomJS("CustomJS") {
        args: Dict<Arg> = Dict::default(),
        code: String,
    }

    /// Sets `attr` of `obj` to `value`, as Bokeh's `SetValue`.
    pub struct SetValue("SetValue") {
        obj: AnyId,
        attr: String,
        value: Value,
    }

    /// Shows `target` if hidden, hides it if shown (its `visible`), as Bokeh's
    /// `ToggleVisibility`.
    pub struct ToggleVisibility("ToggleVisibility") {
        target: AnyId,
    }

    /// Opens `url` in a new tab (or this one, `same_tab`), as Bokeh's `OpenURL`; given a
    /// source (a TapTool's), once per selected row with `@column` replaced by the row's
    /// value.
    pub struct OpenURL("OpenURL") {
        url: String = "http://",
        same_tab: bool = false,
    }
}

/// A value a `CustomJS` names in its `args`: a model (a live object in the code) or a
/// plain value.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// A model of the document.
    Model(AnyId),
    /// A number, a string, a list, ...
    Value(Value),
}

impl<T: Into<AnyId>> From<T> for Arg {
    fn from(model: T) -> Arg {
        Arg::Model(model.into())
    }
}

impl From<Value> for Arg {
    fn from(value: Value) -> Arg {
        Arg::Value(value)
    }
}

impl PropType for Arg {
    const KIND: Kind = Kind::Any;
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            Arg::Model(model) => model.to_value(ids),
            Arg::Value(value) => value,
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<Arg> {
        Some(match v.as_ref_id().and_then(|id| ids.handle(id)) {
            Some(model) => Arg::Model(model),
            None => Arg::Value(v.clone()),
        })
    }
}
