//! Typed property keys and the Rust types property values convert to and from.
//!
//! A property's [`Kind`] is derived from its Rust type ([`PropType::KIND`]): `f64` is a
//! number, `Option<T>` is a nullable `T`, `Id<Title>` a reference to a Title, so the
//! schema a [`model!`](crate::model) definition produces and the typed key app code uses
//! cannot disagree.

use std::marker::PhantomData;

use super::{AnyId, Id, Kind, ModelId, ModelType, RefTypes, Value};

/// A typed property key: `Slider::VALUE` is the `f64` property "value" of a Slider.
/// [`model!`](crate::model) makes one per property; the document's typed methods take
/// them, so a value of the wrong type, or a key of another model type, does not compile.
///
/// ```
/// use rokeh::models::Slider;
/// use rokeh::Document;
///
/// let mut doc = Document::new();
/// let power = doc.add(Slider::new("power", 2.0, 1.0, 4.0, 0.5));
/// assert_eq!(Slider::VALUE.name, "value");
/// doc.set(power, Slider::VALUE, 3.0)?;
/// let value: f64 = doc.get(power, Slider::VALUE);
/// assert_eq!(value, 3.0);
/// # Ok::<(), rokeh::document::DocumentError>(())
/// ```
pub struct Prop<M, T> {
    /// Bokeh's name of the property: `"value"`.
    pub name: &'static str,
    _types: PhantomData<fn() -> (M, T)>,
}

impl<M, T> Prop<M, T> {
    /// The key of property `name` of `M`, whose values are `T`s. [`model!`](crate::model)
    /// makes the keys of a definition; a key made by hand for a property the schema lacks,
    /// or of another type, is refused by the document when used.
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

/// How handles and model ids convert: what a document offers typed conversions.
pub trait Ids: RefTypes {
    /// The id of the model a handle names, if it is still there.
    fn model_id(&self, any: AnyId) -> Option<&ModelId>;
    /// The handle of model `id`, if the document has it.
    fn handle(&self, id: &ModelId) -> Option<AnyId>;
}

/// No models at all: converts values that hold no references (defaults).
pub struct NoIds;

impl RefTypes for NoIds {
    fn is_instance(&self, _: &ModelId, _: &str) -> bool {
        false
    }
}

impl Ids for NoIds {
    fn model_id(&self, _: AnyId) -> Option<&ModelId> {
        None
    }
    fn handle(&self, _: &ModelId) -> Option<AnyId> {
        None
    }
}

/// A Rust type a property's value converts to and from. Model references need the
/// document ([`Ids`]) to turn handles into ids and back.
pub trait PropType: Sized {
    /// The values of this type, as the document checks them.
    const KIND: Kind;
    /// The value as the document stores it; a reference to a model the document lacks
    /// becomes null.
    fn to_value(self, ids: &dyn Ids) -> Value;
    /// `None` when `v` is not a value of this type.
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<Self>;
}

impl PropType for f64 {
    const KIND: Kind = Kind::Number;
    fn to_value(self, _: &dyn Ids) -> Value {
        Value::Float(self)
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<f64> {
        v.as_f64()
    }
}

impl PropType for i64 {
    const KIND: Kind = Kind::Int;
    fn to_value(self, _: &dyn Ids) -> Value {
        Value::Int(self)
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<i64> {
        v.as_i64()
    }
}

impl PropType for bool {
    const KIND: Kind = Kind::Bool;
    fn to_value(self, _: &dyn Ids) -> Value {
        Value::Bool(self)
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<bool> {
        v.as_bool()
    }
}

impl PropType for String {
    const KIND: Kind = Kind::String;
    fn to_value(self, _: &dyn Ids) -> Value {
        Value::Str(self)
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<String> {
        v.as_str().map(str::to_owned)
    }
}

impl<T: PropType> PropType for Option<T> {
    const KIND: Kind = Kind::Nullable(&T::KIND);
    fn to_value(self, ids: &dyn Ids) -> Value {
        self.map_or(Value::Null, |t| t.to_value(ids))
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<Option<T>> {
        match v {
            Value::Null => Some(None),
            v => T::from_value(v, ids).map(Some),
        }
    }
}

impl<T: PropType> PropType for Vec<T> {
    const KIND: Kind = Kind::List(&T::KIND);
    fn to_value(self, ids: &dyn Ids) -> Value {
        Value::List(self.into_iter().map(|t| t.to_value(ids)).collect())
    }
    /// A list, or a one-dimensional array (Python's numpy arrays arrive as those): the
    /// kind takes both.
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<Vec<T>> {
        match v {
            Value::Array(array) if array.shape.len() <= 1 => (array.data.to_values().iter())
                .map(|i| T::from_value(i, ids))
                .collect(),
            v => v.as_list()?.iter().map(|i| T::from_value(i, ids)).collect(),
        }
    }
}

impl<A: PropType, B: PropType> PropType for (A, B) {
    const KIND: Kind = Kind::Tuple(&[A::KIND, B::KIND]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        Value::List(vec![self.0.to_value(ids), self.1.to_value(ids)])
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<(A, B)> {
        match v.as_list()? {
            [a, b] => Some((A::from_value(a, ids)?, B::from_value(b, ids)?)),
            _ => None,
        }
    }
}

/// A reference to a model of type `M` (or a Bokeh subtype of it).
impl<M: ModelType> PropType for Id<M> {
    const KIND: Kind = Kind::Instance(M::NAME);
    fn to_value(self, ids: &dyn Ids) -> Value {
        ids.model_id(self.any())
            .map_or(Value::Null, |id| Value::Ref(id.clone()))
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<Id<M>> {
        let id = v.as_ref_id()?;
        ids.is_instance(id, M::NAME)
            .then(|| ids.handle(id).map(Id::new))
            .flatten()
    }
}

/// A reference to any model.
impl PropType for AnyId {
    const KIND: Kind = Kind::Instance("Model");
    fn to_value(self, ids: &dyn Ids) -> Value {
        ids.model_id(self)
            .map_or(Value::Null, |id| Value::Ref(id.clone()))
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<AnyId> {
        ids.handle(v.as_ref_id()?)
    }
}

/// Any value, as stored.
impl PropType for Value {
    const KIND: Kind = Kind::Any;
    fn to_value(self, _: &dyn Ids) -> Value {
        self
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<Value> {
        Some(v.clone())
    }
}

/// A CSS color, as Bokeh's `Color` properties take it: `"#1f77b4"`, `"navy"`,
/// `"rgba(0, 0, 255, 0.5)"`. An `[r, g, b]` list read from a document becomes `rgb(…)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Color(pub String);

impl From<&str> for Color {
    fn from(css: &str) -> Color {
        Color(css.to_owned())
    }
}

impl From<String> for Color {
    fn from(css: String) -> Color {
        Color(css)
    }
}

impl PropType for Color {
    const KIND: Kind = Kind::Color;
    fn to_value(self, _: &dyn Ids) -> Value {
        Value::Str(self.0)
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<Color> {
        match v {
            Value::Str(s) => Some(Color(s.clone())),
            Value::List(items) => {
                let part = |i: usize| items.get(i).and_then(Value::as_f64);
                let (r, g, b) = (part(0)?, part(1)?, part(2)?);
                Some(Color(match part(3) {
                    Some(a) => format!("rgba({r}, {g}, {b}, {a})"),
                    None => format!("rgb({r}, {g}, {b})"),
                }))
            }
            _ => None,
        }
    }
}

/// A Bokeh data spec (`NumberSpec`, `ColorSpec`, …): one value for every point, or the
/// values of a column.
#[derive(Clone, Debug, PartialEq)]
pub enum Spec<T> {
    /// The same value for every point (Bokeh's `value(...)`, or a plain value).
    Value(T),
    /// The named column of the glyph's data source.
    Field(String),
    /// An expression, or a field or value with a transform or units: kept as given.
    Other(Value),
}

impl<T> Spec<T> {
    /// The values of column `name`.
    pub fn field(name: &str) -> Spec<T> {
        Spec::Field(name.to_owned())
    }
}

impl<T: PropType> Spec<T> {
    /// One value for every point, in screen units (pixels) rather than the property's
    /// usual data units: `width: Spec::screen(10.0)`.
    pub fn screen(value: T) -> Spec<T> {
        Spec::Other(Value::Object(vec![
            ("type".into(), Value::str("value")),
            ("value".into(), value.to_value(&NoIds)),
            ("units".into(), Value::str("screen")),
        ]))
    }
}

/// One value for every point: `size: 10.0.into()`.
impl<T> From<T> for Spec<T> {
    fn from(value: T) -> Spec<T> {
        Spec::Value(value)
    }
}

/// Bokeh's number specs (`NumberSpec`, `SizeSpec`, `AlphaSpec`, `AngleSpec`, …).
pub type NumberSpec = Spec<f64>;

/// Bokeh's `ColorSpec`: a color (or none) for every point, or a column of them.
pub type ColorSpec = Spec<Option<Color>>;

/// A CSS color for every point: `fill_color: "navy".into()`.
impl From<&str> for ColorSpec {
    fn from(css: &str) -> ColorSpec {
        Spec::Value(Some(Color::from(css)))
    }
}

/// A dict with string keys, in order (Bokeh's `Dict(String, …)`): `extra_y_ranges`.
#[derive(Clone, Debug, PartialEq)]
pub struct Dict<V>(pub Vec<(String, V)>);

impl<V> Default for Dict<V> {
    fn default() -> Dict<V> {
        Dict(Vec::new())
    }
}

impl<V: PropType> PropType for Dict<V> {
    const KIND: Kind = Kind::Dict(&Kind::String, &V::KIND);
    fn to_value(self, ids: &dyn Ids) -> Value {
        Value::Map(
            self.0
                .into_iter()
                .map(|(k, v)| (Value::Str(k), v.to_value(ids)))
                .collect(),
        )
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<Dict<V>> {
        let entries: Vec<(String, V)> = match v {
            Value::Map(entries) => entries
                .iter()
                .map(|(k, v)| Some((k.as_str()?.to_owned(), V::from_value(v, ids)?)))
                .collect::<Option<_>>()?,
            Value::Object(fields) => fields
                .iter()
                .map(|(k, v)| Some((k.clone(), V::from_value(v, ids)?)))
                .collect::<Option<_>>()?,
            _ => return None,
        };
        Some(Dict(entries))
    }
}

impl<T: PropType> PropType for Spec<T> {
    const KIND: Kind = Kind::Spec(&T::KIND);
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            Spec::Value(v) => Value::value_spec(v.to_value(ids)),
            Spec::Field(name) => Value::field(&name),
            Spec::Other(v) => v,
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<Spec<T>> {
        let plain = |v: &Value| {
            let Value::Object(fields) = v else {
                return false;
            };
            let extras = fields.iter().filter(|(k, _)| k != "type").count();
            extras == 1
        };
        match v.object_type() {
            Some("field") if plain(v) => {
                Some(Spec::Field(v.object_field("field")?.as_str()?.to_owned()))
            }
            Some("value") if plain(v) => {
                T::from_value(v.object_field("value")?, ids).map(Spec::Value)
            }
            Some(_) => Some(Spec::Other(v.clone())),
            None => T::from_value(v, ids).map(Spec::Value),
        }
    }
}

/// A ColumnDataSource's columns by name, in order: `[("x", x), ("y", y)]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnData(pub Vec<(String, Value)>);

/// `ColumnData::from([("x", xs.into()), ("title", titles.into())])`, as Python's
/// `source.data = dict(x=xs, title=titles)`.
impl<const N: usize> From<[(&str, Value); N]> for ColumnData {
    fn from(columns: [(&str, Value); N]) -> ColumnData {
        ColumnData(columns.map(|(k, v)| (k.to_owned(), v)).into())
    }
}

impl FromIterator<(String, Value)> for ColumnData {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(columns: I) -> ColumnData {
        ColumnData(columns.into_iter().collect())
    }
}

impl PropType for ColumnData {
    const KIND: Kind = Kind::ColumnData;
    fn to_value(self, _: &dyn Ids) -> Value {
        Value::Map(
            self.0
                .into_iter()
                .map(|(name, col)| (Value::Str(name), col))
                .collect(),
        )
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<ColumnData> {
        let Value::Map(entries) = v else {
            return None;
        };
        entries
            .iter()
            .map(|(k, col)| Some((k.as_str()?.to_owned(), col.clone())))
            .collect::<Option<_>>()
            .map(ColumnData)
    }
}
