//! Bokeh's `Dialog` (`bokeh.models.ui`): a window over the page, which callbacks open and
//! close.

use crate::core::{AnyId, Id, Ids, Kind, PropType, Value};
use crate::models::enums::CloseAction;

models! {
    /// A window over the page showing `content` under its `title`, like Bokeh's
    /// `Dialog(title=…, content=…)`. In no layout, it is opened by an [`OpenDialog`]
    /// callback (Python's `button.js_on_click(OpenDialog(dialog=dialog))`) and closed by
    /// its close button (when `closable`) or a [`CloseDialog`]: hidden (`visible` false)
    /// or let go, as `close_action` says.
    pub struct Dialog("Dialog") {
        title: Option<Content> = None,
        content: Content,
        closable: bool = true,
        close_action: CloseAction = CloseAction::Destroy,
    }

    /// Opens `dialog`, as Bokeh's `OpenDialog`.
    pub struct OpenDialog("OpenDialog") {
        dialog: Id<Dialog>,
    }

    /// Closes `dialog` as its close button does, as Bokeh's `CloseDialog`.
    pub struct CloseDialog("CloseDialog") {
        dialog: Id<Dialog>,
    }
}

/// What a [`Dialog`] shows as its title or content: text, or a model (a layout, widget
/// or figure, or a `bokeh.models.dom` node), as Bokeh's `Either(String, Instance(DOMNode),
/// Instance(UIElement))`.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// Plain text.
    Text(String),
    /// A model, shown by its view.
    Model(AnyId),
}

impl From<&str> for Content {
    fn from(text: &str) -> Content {
        Content::Text(text.to_owned())
    }
}

impl<M> From<Id<M>> for Content {
    fn from(model: Id<M>) -> Content {
        Content::Model(model.any())
    }
}

impl PropType for Content {
    const KIND: Kind = Kind::Either(&[
        Kind::String,
        Kind::Instance("bokeh.models.dom.DOMNode"),
        Kind::Instance("UIElement"),
    ]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            Content::Text(text) => Value::Str(text),
            Content::Model(model) => model.to_value(ids),
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<Content> {
        match v {
            Value::Str(text) => Some(Content::Text(text.clone())),
            v => AnyId::from_value(v, ids).map(Content::Model),
        }
    }
}
