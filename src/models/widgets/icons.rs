//! Icons for buttons (Bokeh's `bokeh.models.ui.icons`): one of Bokeh's built-in drawings,
//! an SVG of the app's own, or one of the Tabler icon font's.

use crate::core::{AnyId, Color, Id, Ids, Kind, PropType, Value};

models! {
    /// One of Bokeh's built-in icons by name (`"settings"`, `"check"`, a tool's icon such
    /// as `"box_zoom"`), drawn in `color`, like Bokeh's `BuiltinIcon("settings")`.
    pub struct BuiltinIcon("BuiltinIcon") {
        icon_name: String,
        size: IconSize = "1em",
        color: Color = "gray",
    }

    /// An icon drawn by the app's own SVG markup, like Bokeh's `SVGIcon(svg)`.
    pub struct SVGIcon("SVGIcon") {
        svg: String,
        size: IconSize = "1em",
    }

    /// An icon of the Tabler icon font by name, like Bokeh's `TablerIcon("settings")`.
    /// As in BokehJS, the font's stylesheet is loaded from its CDN: a page offline shows
    /// none.
    pub struct TablerIcon("TablerIcon") {
        icon_name: String,
        size: IconSize = "1em",
    }
}

/// An icon's width and height: pixels, or a CSS length such as `"1.2em"` (Bokeh's
/// `Either(Int, FontSize)`).
#[derive(Clone, Debug, PartialEq)]
pub enum IconSize {
    /// This many CSS pixels.
    Px(i64),
    /// A CSS length.
    Css(String),
}

impl IconSize {
    /// The size as a CSS length.
    pub fn css(&self) -> String {
        match self {
            IconSize::Px(px) => format!("{px}px"),
            IconSize::Css(length) => length.clone(),
        }
    }
}

impl From<&str> for IconSize {
    fn from(length: &str) -> IconSize {
        IconSize::Css(length.to_owned())
    }
}

impl From<i64> for IconSize {
    fn from(px: i64) -> IconSize {
        IconSize::Px(px)
    }
}

impl PropType for IconSize {
    const KIND: Kind = Kind::Either(&[Kind::Int, Kind::String]);
    fn to_value(self, _: &dyn Ids) -> Value {
        match self {
            IconSize::Px(px) => Value::Int(px),
            IconSize::Css(length) => Value::Str(length),
        }
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<IconSize> {
        match v {
            Value::Int(px) => Some(IconSize::Px(*px)),
            Value::Str(length) => Some(IconSize::Css(length.clone())),
            _ => None,
        }
    }
}

/// A button's icon: any of [`BuiltinIcon`], [`SVGIcon`] and [`TablerIcon`] (Bokeh's
/// `Instance(Icon)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IconId(pub AnyId);

impl From<Id<BuiltinIcon>> for IconId {
    fn from(id: Id<BuiltinIcon>) -> IconId {
        IconId(id.any())
    }
}

impl From<Id<SVGIcon>> for IconId {
    fn from(id: Id<SVGIcon>) -> IconId {
        IconId(id.any())
    }
}

impl From<Id<TablerIcon>> for IconId {
    fn from(id: Id<TablerIcon>) -> IconId {
        IconId(id.any())
    }
}

impl PropType for IconId {
    const KIND: Kind = Kind::Instance("Icon");
    fn to_value(self, ids: &dyn Ids) -> Value {
        self.0.to_value(ids)
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<IconId> {
        ids.is_instance(v.as_ref_id()?, "Icon")
            .then(|| AnyId::from_value(v, ids).map(IconId))
            .flatten()
    }
}
