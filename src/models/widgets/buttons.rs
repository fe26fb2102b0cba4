//! Buttons: Button (a click is Bokeh's `button_click` event), Toggle (pressed or not),
//! Dropdown (a menu whose items send `menu_item_click`) and HelpButton (a tooltip of help).

use crate::core::{AnyId, Id, Ids, Kind, PropType, Value};

use super::super::enums::ButtonType;
use super::icons::IconId;

models! {
    /// A push button, like Bokeh's `Button(label=…)`; a click is a
    /// [`ButtonClick`](crate::document::EventKind::ButtonClick) event for `on_event`.
    pub struct Button("Button") {
        label: RichText = "Button",
        /// Shown before the label.
        icon: Option<IconId> = None,
        button_type: ButtonType = ButtonType::Default,
        disabled: bool = false,
    }

    /// A button that stays pressed (`active`) until pressed again, like Bokeh's `Toggle`.
    pub struct Toggle("Toggle") {
        label: RichText = "Toggle",
        /// Shown before the label.
        icon: Option<IconId> = None,
        active: bool = false,
        button_type: ButtonType = ButtonType::Default,
        disabled: bool = false,
    }

    /// A button that opens a menu, like Bokeh's `Dropdown(label=…, menu=[…])`. Choosing an
    /// item is a [`MenuItemClick`](crate::document::EventKind::MenuItemClick) event whose
    /// `item` is the item's value. A `split` dropdown's button is also a plain button
    /// (`button_click`), with the menu behind its caret.
    pub struct Dropdown("Dropdown") {
        label: RichText = "Dropdown",
        /// Shown before the label.
        icon: Option<IconId> = None,
        button_type: ButtonType = ButtonType::Default,
        /// `None` is a divider.
        menu: Vec<Option<MenuItem>> = Vec::new(),
        split: bool = false,
        disabled: bool = false,
    }

    /// A "?" button whose tooltip tells what something is, like Bokeh's
    /// `HelpButton(tooltip=Tooltip(content=…))`: shown while the pointer is over it or it
    /// has focus, kept open by a click.
    pub struct HelpButton("HelpButton") {
        label: RichText = "",
        /// Shown before the label; `None` is rokeh's drawing of Bokeh's default, the
        /// built-in "help" icon.
        icon: Option<IconId> = None,
        tooltip: Id<Tooltip>,
        disabled: bool = false,
    }

    /// A tooltip's text, like Bokeh's `Tooltip(content=…)` (a HelpButton's).
    pub struct Tooltip("Tooltip") {
        content: RichText,
    }
}

/// Text, or a `bokeh.models.dom` node (`HTML("<b>…</b>")`): what a [`Tooltip`] shows and
/// a button's label (Bokeh's `Either(Instance(DOMNode), String)`).
#[derive(Clone, Debug, PartialEq)]
pub enum RichText {
    /// Plain text.
    Text(String),
    /// A DOM model, shown as BokehJS renders it (an `HTML`'s strings as markup).
    Dom(AnyId),
}

impl From<&str> for RichText {
    fn from(text: &str) -> RichText {
        RichText::Text(text.to_owned())
    }
}

impl From<String> for RichText {
    fn from(text: String) -> RichText {
        RichText::Text(text)
    }
}

/// Text equal to this string (a DOM node equals none).
impl PartialEq<&str> for RichText {
    fn eq(&self, other: &&str) -> bool {
        matches!(self, RichText::Text(text) if text == other)
    }
}

impl PropType for RichText {
    const KIND: Kind = Kind::Either(&[Kind::String, Kind::Instance("bokeh.models.dom.DOMNode")]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            RichText::Text(text) => Value::Str(text),
            RichText::Dom(node) => node.to_value(ids),
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<RichText> {
        match v {
            Value::Str(text) => Some(RichText::Text(text.clone())),
            v => AnyId::from_value(v, ids).map(RichText::Dom),
        }
    }
}

/// One entry of a Dropdown's menu.
#[derive(Clone, Debug, PartialEq)]
pub enum MenuItem {
    /// Shows this text and sends it as the clicked item.
    Item(String),
    /// Shows the label; sends the value when it is a string (Bokeh runs it when it is a
    /// JavaScript callback, which rokeh keeps but cannot run).
    Labelled(String, Value),
}

impl MenuItem {
    /// The text shown for the item.
    pub fn label(&self) -> &str {
        match self {
            MenuItem::Item(text) | MenuItem::Labelled(text, _) => text,
        }
    }

    /// What a click on it sends, if anything.
    pub fn item(&self) -> Option<&str> {
        match self {
            MenuItem::Item(text) => Some(text),
            MenuItem::Labelled(_, value) => value.as_str(),
        }
    }
}

impl From<&str> for MenuItem {
    fn from(text: &str) -> MenuItem {
        MenuItem::Item(text.to_owned())
    }
}

impl PropType for MenuItem {
    const KIND: Kind = Kind::Either(&[Kind::String, Kind::Tuple(&[Kind::String, Kind::Any])]);
    fn to_value(self, _: &dyn Ids) -> Value {
        match self {
            MenuItem::Item(text) => Value::Str(text),
            MenuItem::Labelled(label, value) => Value::List(vec![Value::Str(label), value]),
        }
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<MenuItem> {
        match v {
            Value::Str(text) => Some(MenuItem::Item(text.clone())),
            Value::List(pair) => match pair.as_slice() {
                [Value::Str(label), value] => {
                    Some(MenuItem::Labelled(label.clone(), value.clone()))
                }
                _ => None,
            },
            _ => None,
        }
    }
}
