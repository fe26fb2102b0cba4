//! The schema of each model type rokeh knows, named as in Bokeh: property names, value
//! kinds, defaults and domains, plus the typed property keys and builders app code uses.
//! A type without a schema here is kept verbatim by the document.

mod bokeh_props;
mod layouts;
mod plots;
mod sources;
mod widgets;

pub use layouts::{column, row, Column, Row};
pub use plots::{
    BasicTickFormatter, BasicTicker, DataRange1d, Figure, GlyphRenderer, Grid, Line, LinearAxis,
    LinearScale, Range1d, Title,
};
pub use sources::ColumnDataSource;
pub use widgets::{Slider, TextInput};

use std::marker::PhantomData;

use crate::document::{Document, Value};

/// What values a property accepts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Any,
    Bool,
    Int,
    NullableInt,
    /// An int or a float.
    Number,
    NullableNumber,
    String,
    NullableString,
    /// A CSS color string (or null: not drawn).
    Color,
    Ref,
    NullableRef,
    RefList,
    /// A number, or a field/value spec.
    NumberSpec,
    /// A ColumnDataSource's `data`: a map of column name to array or list.
    ColumnData,
    List,
    Enum(&'static [&'static str]),
}

impl Kind {
    pub fn accepts(self, v: &Value) -> bool {
        match (self, v) {
            (Kind::Any, _) => true,
            (Kind::Bool, Value::Bool(_)) => true,
            (Kind::Int, Value::Int(_)) => true,
            (Kind::NullableInt, Value::Int(_) | Value::Null) => true,
            (Kind::Number, Value::Int(_) | Value::Float(_)) => true,
            (Kind::NullableNumber, Value::Int(_) | Value::Float(_) | Value::Null) => true,
            (Kind::String, Value::Str(_)) => true,
            (Kind::NullableString | Kind::Color, Value::Str(_) | Value::Null) => true,
            (Kind::Ref, Value::Ref(_)) => true,
            (Kind::NullableRef, Value::Ref(_) | Value::Null) => true,
            (Kind::RefList, Value::List(items)) => items.iter().all(|i| matches!(i, Value::Ref(_))),
            (Kind::NumberSpec, Value::Int(_) | Value::Float(_)) => true,
            (Kind::NumberSpec, Value::Object(_)) => {
                matches!(v.object_type(), Some("field" | "value" | "expr"))
            }
            (Kind::ColumnData, Value::Map(entries)) => entries.iter().all(|(k, col)| {
                k.as_str().is_some() && matches!(col, Value::Array(_) | Value::List(_))
            }),
            (Kind::List, Value::List(_)) => true,
            (Kind::Enum(names), Value::Str(s)) => names.contains(&s.as_str()),
            _ => false,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Kind::Any => "any value",
            Kind::Bool => "a bool",
            Kind::Int => "an int",
            Kind::NullableInt => "an int or null",
            Kind::Number => "a number",
            Kind::NullableNumber => "a number or null",
            Kind::String => "a string",
            Kind::NullableString => "a string or null",
            Kind::Color => "a color string",
            Kind::Ref => "a model reference",
            Kind::NullableRef => "a model reference or null",
            Kind::RefList => "a list of model references",
            Kind::NumberSpec => "a number or a field/value spec",
            Kind::ColumnData => "a map of column names to arrays",
            Kind::List => "a list",
            Kind::Enum(_) => "one of the allowed names",
        }
    }
}

/// A property's default, in a form a `static` can hold.
#[derive(Clone, Copy, Debug)]
pub enum DefaultValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'static str),
    EmptyList,
    EmptyMap,
    /// A field spec naming a column.
    Field(&'static str),
}

impl DefaultValue {
    pub fn value(self) -> Value {
        match self {
            DefaultValue::Null => Value::Null,
            DefaultValue::Bool(b) => Value::Bool(b),
            DefaultValue::Int(i) => Value::Int(i),
            DefaultValue::Float(f) => Value::Float(f),
            DefaultValue::Str(s) => Value::str(s),
            DefaultValue::EmptyList => Value::List(Vec::new()),
            DefaultValue::EmptyMap => Value::Map(Vec::new()),
            DefaultValue::Field(name) => Value::field(name),
        }
    }
}

#[derive(Debug)]
pub struct PropDef {
    pub name: &'static str,
    pub kind: Kind,
    pub default: DefaultValue,
}

/// Shorthand for the schema tables.
pub(crate) const fn prop(name: &'static str, kind: Kind, default: DefaultValue) -> PropDef {
    PropDef {
        name,
        kind,
        default,
    }
}

/// A check across properties (a slider's value within start..end). It reads the model's
/// current properties through `get` and sees the proposed value of `attr`.
pub type DomainCheck =
    fn(get: &dyn Fn(&str) -> Value, attr: &str, new: &Value) -> Result<(), String>;

#[derive(Debug)]
pub struct Schema {
    pub name: &'static str,
    pub props: &'static [PropDef],
    pub check: Option<DomainCheck>,
}

impl Schema {
    pub fn prop(&self, name: &str) -> Option<&PropDef> {
        self.props.iter().find(|p| p.name == name)
    }
}

/// Every schema rokeh knows, by Bokeh type name.
pub fn schema_for(type_name: &str) -> Option<&'static Schema> {
    ALL_SCHEMAS.iter().copied().find(|s| s.name == type_name)
}

/// The names of the model types rokeh has a schema for.
pub fn known_types() -> impl Iterator<Item = &'static str> {
    ALL_SCHEMAS.iter().map(|s| s.name)
}

/// Whether Bokeh's `type_name` has a property `attr`, whether or not rokeh's schema
/// types it: the ones it does not are carried as any value, so nothing is lost.
pub fn is_bokeh_property(type_name: &str, attr: &str) -> bool {
    bokeh_props::bokeh_properties(type_name).is_some_and(|names| names.binary_search(&attr).is_ok())
}

const ALL_SCHEMAS: &[&Schema] = &[
    &plots::FIGURE,
    &plots::TITLE,
    &plots::DATA_RANGE_1D,
    &plots::RANGE_1D,
    &plots::LINEAR_SCALE,
    &plots::LINEAR_AXIS,
    &plots::BASIC_TICKER,
    &plots::BASIC_TICK_FORMATTER,
    &plots::GRID,
    &plots::GLYPH_RENDERER,
    &plots::LINE,
    &sources::COLUMN_DATA_SOURCE,
    &widgets::SLIDER,
    &widgets::TEXT_INPUT,
    &layouts::ROW,
    &layouts::COLUMN,
];

/// A model type app code can create. The struct's fields are the properties one passes at
/// creation, like Bokeh's keyword arguments: `doc.add(Slider { title: "frequency".into(), .. })`.
pub trait ModelType: 'static {
    const NAME: &'static str;
    /// The attributes to create the model with; may add the models it needs (a Figure's axes).
    fn into_attrs(self, doc: &mut Document) -> Vec<(&'static str, Value)>;
}

/// A typed property key: `Slider::VALUE` is the `f64` property "value" of a Slider.
pub struct Prop<M, T> {
    pub name: &'static str,
    _types: PhantomData<fn() -> (M, T)>,
}

impl<M, T> Prop<M, T> {
    pub const fn new(name: &'static str) -> Prop<M, T> {
        Prop {
            name,
            _types: PhantomData,
        }
    }
}

impl<M, T> Clone for Prop<M, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<M, T> Copy for Prop<M, T> {}

/// A Rust type a property's value converts to and from. Model references need the
/// document to turn ids into handles.
pub trait PropValue: Sized {
    fn from_value(v: &Value, doc: &Document) -> Option<Self>;
    fn into_value(self, doc: &Document) -> Value;
}

impl PropValue for f64 {
    fn from_value(v: &Value, _: &Document) -> Option<f64> {
        v.as_f64()
    }
    fn into_value(self, _: &Document) -> Value {
        Value::Float(self)
    }
}

impl PropValue for i64 {
    fn from_value(v: &Value, _: &Document) -> Option<i64> {
        v.as_i64()
    }
    fn into_value(self, _: &Document) -> Value {
        Value::Int(self)
    }
}

impl PropValue for bool {
    fn from_value(v: &Value, _: &Document) -> Option<bool> {
        v.as_bool()
    }
    fn into_value(self, _: &Document) -> Value {
        Value::Bool(self)
    }
}

impl PropValue for String {
    fn from_value(v: &Value, _: &Document) -> Option<String> {
        v.as_str().map(str::to_owned)
    }
    fn into_value(self, _: &Document) -> Value {
        Value::Str(self)
    }
}

impl<T: PropValue> PropValue for Option<T> {
    fn from_value(v: &Value, doc: &Document) -> Option<Option<T>> {
        match v {
            Value::Null => Some(None),
            v => T::from_value(v, doc).map(Some),
        }
    }
    fn into_value(self, doc: &Document) -> Value {
        self.map_or(Value::Null, |t| t.into_value(doc))
    }
}

impl<M: ModelType> PropValue for crate::document::Id<M> {
    fn from_value(v: &Value, doc: &Document) -> Option<Self> {
        doc.typed_id(v.as_ref_id()?)
    }
    fn into_value(self, doc: &Document) -> Value {
        Value::Ref(doc.model_id(self.any()).clone())
    }
}

impl PropValue for crate::document::AnyId {
    fn from_value(v: &Value, doc: &Document) -> Option<Self> {
        doc.lookup(v.as_ref_id()?)
    }
    fn into_value(self, doc: &Document) -> Value {
        Value::Ref(doc.model_id(self).clone())
    }
}

impl<T: PropValue> PropValue for Vec<T> {
    fn from_value(v: &Value, doc: &Document) -> Option<Vec<T>> {
        v.as_list()?.iter().map(|i| T::from_value(i, doc)).collect()
    }
    fn into_value(self, doc: &Document) -> Value {
        Value::List(self.into_iter().map(|t| t.into_value(doc)).collect())
    }
}

/// Any value, as stored.
impl PropValue for Value {
    fn from_value(v: &Value, _: &Document) -> Option<Value> {
        Some(v.clone())
    }
    fn into_value(self, _: &Document) -> Value {
        self
    }
}
