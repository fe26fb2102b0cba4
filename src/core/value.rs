//! Property values: one enum for every attribute a model can hold, in the shapes Bokeh's
//! document JSON can express, with numeric columns kept as typed arrays.

use std::sync::Arc;

use super::{ModelId, NdArray};

/// A property value. Columns are typed arrays, never lists of boxed numbers.
///
/// Typed keys ([`Prop`](super::Prop)) convert to and from these for you; values appear
/// as such in the by-name methods (`get_attr`, `set_attr`), in streams and patches, in
/// change events and in UI events' values.
///
/// ```
/// use rokeh::core::Value;
/// let spec = Value::field("x"); // Bokeh's {"type": "field", "field": "x"}
/// assert_eq!(spec.object_type(), Some("field"));
/// assert_eq!(Value::Int(3).as_f64(), Some(3.0)); // ints widen, as numbers do in Bokeh
/// assert_eq!(Value::str("fast").preview(), r#"string "fast""#);
/// let column = Value::Array(vec![1.0, 2.0].into());
/// assert_eq!(column.rows(), Some(2));
/// ```
#[derive(Clone, Debug)]
pub enum Value {
    /// Python's `None`, JSON's `null`.
    Null,
    /// A bool.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// Any float, including NaN and ±inf (Bokeh's `{"type":"number"}` form).
    Float(f64),
    /// A string.
    Str(String),
    /// A list (Python's list or tuple).
    List(Vec<Value>),
    /// Bokeh's `set`, its entries in the order they came.
    Set(Vec<Value>),
    /// Bokeh's `map`: ordered entries whose keys may be any value.
    Map(Vec<(Value, Value)>),
    /// A reference to another model of the document.
    Ref(ModelId),
    /// A typed array (Bokeh's `ndarray`): a column of numbers.
    Array(NdArray),
    /// Raw bytes (Bokeh's `bytes`).
    Bytes(Arc<Vec<u8>>),
    /// Python's `slice(start, stop, step)`, as a patch's index.
    Slice {
        /// First index; `None` from the start.
        start: Option<i64>,
        /// End index, excluded; `None` to the end.
        stop: Option<i64>,
        /// `None` is 1.
        step: Option<i64>,
    },
    /// Any other typed object kept field by field, "type" included: Bokeh's
    /// `{"type":"field","field":"x"}` and `{"type":"value","value":3}` specs,
    /// and object forms rokeh does not interpret.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// A string value: `Value::str("x")`.
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into())
    }

    /// Bokeh's field spec: the values come from the named column.
    pub fn field(name: &str) -> Value {
        Value::Object(vec![
            ("type".into(), Value::str("field")),
            ("field".into(), Value::str(name)),
        ])
    }

    /// Bokeh's value spec: one value for every point.
    pub fn value_spec(v: Value) -> Value {
        Value::Object(vec![
            ("type".into(), Value::str("value")),
            ("value".into(), v),
        ])
    }

    /// A value from plain JSON and the few typed forms Bokeh writes in defaults (`map`,
    /// `set`, `number`); other objects are kept field by field. Documents and messages are
    /// read by `document::json`, which knows every form.
    pub fn from_plain_json(json: &serde_json::Value) -> Value {
        use serde_json::Value as Json;
        fn plain(json: &Json) -> Value {
            match json {
                Json::Null => Value::Null,
                Json::Bool(b) => Value::Bool(*b),
                Json::Number(n) => Value::from_json_number(n),
                Json::String(s) => Value::Str(s.clone()),
                Json::Array(items) => Value::List(items.iter().map(plain).collect()),
                Json::Object(obj) => {
                    Value::Object(obj.iter().map(|(k, v)| (k.clone(), plain(v))).collect())
                }
            }
        }
        plain(json).typed_forms()
    }

    /// This plain value (lists and objects, as JSON or JavaScript gives them) with Bokeh's
    /// typed forms read as what they stand for: `{"type": "map", "entries": [[k, v], …]}` a
    /// map, `{"type": "set", …}` a set, `{"type": "number", "value": "nan"}` a float. Other
    /// objects keep their fields, sorted by name (as serde_json reads them).
    pub(crate) fn typed_forms(self) -> Value {
        let entries = |fields: &mut Vec<(String, Value)>| match fields
            .iter()
            .position(|(k, _)| k == "entries")
            .map(|at| fields.swap_remove(at).1)
        {
            Some(Value::List(items)) => items.into_iter().map(Value::typed_forms).collect(),
            _ => Vec::new(),
        };
        enum Form {
            Map,
            Set,
            Number,
            Plain,
        }
        let form = match self.object_type() {
            Some("map") => Form::Map,
            Some("set") => Form::Set,
            Some("number") => Form::Number,
            _ => Form::Plain,
        };
        match self {
            Value::List(items) => Value::List(items.into_iter().map(Value::typed_forms).collect()),
            Value::Object(mut fields) => match form {
                Form::Map => Value::Map(
                    entries(&mut fields)
                        .into_iter()
                        .filter_map(|pair| match pair {
                            Value::List(kv) if kv.len() == 2 => {
                                let mut kv = kv.into_iter();
                                Some((kv.next()?, kv.next()?))
                            }
                            _ => None,
                        })
                        .collect(),
                ),
                Form::Set => Value::Set(entries(&mut fields)),
                Form::Number => Value::Float(
                    fields
                        .iter()
                        .find(|(k, _)| k == "value")
                        .and_then(|(_, v)| v.as_str())
                        .and_then(special_float)
                        .unwrap_or(f64::NAN),
                ),
                Form::Plain => {
                    // Sorted through the map of a model's attributes, not a sort compiled
                    // for these pairs alone; a JSON or JavaScript object's names are unique.
                    let mut sorted = std::collections::BTreeMap::new();
                    for (k, v) in fields {
                        sorted.insert(k, v);
                    }
                    Value::Object(
                        sorted
                            .into_iter()
                            .map(|(k, v)| (k, v.typed_forms()))
                            .collect(),
                    )
                }
            },
            other => other,
        }
    }

    /// The number of rows of a column (an array or a list).
    pub fn rows(&self) -> Option<usize> {
        match self {
            Value::Array(a) => Some(a.shape.first().copied().unwrap_or(0)),
            Value::List(items) => Some(items.len()),
            _ => None,
        }
    }

    /// A JSON number: an int when it is one, else a float.
    pub(crate) fn from_json_number(n: &serde_json::Number) -> Value {
        match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        }
    }

    /// The entry `key` of an `Object` value.
    pub fn object_field(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The "type" tag of an `Object` value.
    pub fn object_type(&self) -> Option<&str> {
        self.object_field("type").and_then(Value::as_str)
    }

    /// The string, if the value is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Ints widen to floats, as numbers do in Bokeh.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Float(f) => Some(f),
            Value::Int(i) => Some(i as f64),
            _ => None,
        }
    }

    /// The integer, if the value is one (floats are not).
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    /// The bool, if the value is one.
    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The id of the model the value refers to, if it is a reference.
    pub fn as_ref_id(&self) -> Option<&ModelId> {
        match self {
            Value::Ref(id) => Some(id),
            _ => None,
        }
    }

    /// The items, if the value is a list.
    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    /// The entry of a `Map` whose key is the string `key`.
    pub fn map_get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value's shape and, when short, the value itself, for error messages:
    /// `string "fast"`, `int 3`, `list`.
    pub fn preview(&self) -> String {
        const LONGEST: usize = 40;
        let kind = self.kind_name();
        match self {
            Value::Bool(b) => format!("{kind} {b}"),
            Value::Int(i) => format!("{kind} {i}"),
            Value::Float(f) => format!("{kind} {f}"),
            Value::Str(s) if s.chars().count() <= LONGEST => format!("{kind} {s:?}"),
            Value::Str(s) => {
                let head: String = s.chars().take(LONGEST).collect();
                format!("{kind} {head:?}…")
            }
            Value::Ref(id) => format!("{kind} {id}"),
            _ => kind.to_owned(),
        }
    }

    /// Calls `f` with every model id this value refers to, however deeply nested.
    pub fn visit_refs<'v>(&'v self, f: &mut impl FnMut(&'v ModelId)) {
        match self {
            Value::Ref(id) => f(id),
            Value::List(items) | Value::Set(items) => items.iter().for_each(|v| v.visit_refs(f)),
            Value::Map(entries) => entries.iter().for_each(|(k, v)| {
                k.visit_refs(f);
                v.visit_refs(f);
            }),
            Value::Object(fields) => fields.iter().for_each(|(_, v)| v.visit_refs(f)),
            _ => {}
        }
    }

    /// A short name of the value's shape, for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "string",
            Value::List(_) => "list",
            Value::Set(_) => "set",
            Value::Map(_) => "map",
            Value::Ref(_) => "model reference",
            Value::Array(_) => "array",
            Value::Bytes(_) => "bytes",
            Value::Slice { .. } => "slice",
            Value::Object(_) => "object",
        }
    }
}

/// The floats JSON cannot write, by the names Bokeh's `{"type":"number","value":…}` gives
/// them.
pub(crate) fn special_float(name: &str) -> Option<f64> {
    match name {
        "nan" | "-nan" => Some(f64::NAN),
        "inf" | "+inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

/// NaN equals NaN here: a document read twice must compare equal.
impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a == b || (a.is_nan() && b.is_nan()),
            (Str(a), Str(b)) => a == b,
            (List(a), List(b)) | (Set(a), Set(b)) => a == b,
            (Map(a), Map(b)) => a == b,
            (Ref(a), Ref(b)) => a == b,
            (Array(a), Array(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (
                Slice { start, stop, step },
                Slice {
                    start: s2,
                    stop: e2,
                    step: t2,
                },
            ) => (start, stop, step) == (s2, e2, t2),
            (Object(a), Object(b)) => a == b,
            _ => false,
        }
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Float(v)
    }
}
impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Str(v.into())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Str(v)
    }
}
impl From<NdArray> for Value {
    fn from(v: NdArray) -> Value {
        Value::Array(v)
    }
}
/// A column of numbers: a float64 array.
impl From<Vec<f64>> for Value {
    fn from(v: Vec<f64>) -> Value {
        Value::Array(v.into())
    }
}
/// A column of strings: a list.
impl From<Vec<String>> for Value {
    fn from(v: Vec<String>) -> Value {
        Value::List(v.into_iter().map(Value::Str).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_equals_nan_so_round_trips_compare() {
        assert_eq!(Value::Float(f64::NAN), Value::Float(f64::NAN));
        assert_ne!(Value::Float(1.0), Value::Int(1));
    }

    #[test]
    fn field_spec_is_an_object_with_its_type() {
        let f = Value::field("x");
        assert_eq!(f.object_type(), Some("field"));
        assert_eq!(f.object_field("field").and_then(Value::as_str), Some("x"));
    }

    #[test]
    fn plain_json_reads_bokehs_typed_forms_and_sorts_other_objects() {
        let json = serde_json::json!([
            {"type": "map", "entries": [["a", 1], ["b", [2.5]]]},
            {"type": "set", "entries": ["x"]},
            {"type": "number", "value": "-inf"},
            {"value": 1.0, "type": "value"},
        ]);
        let object = |fields: &[(&str, Value)]| {
            Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| ((*k).into(), v.clone()))
                    .collect(),
            )
        };
        let spec = object(&[("type", Value::str("value")), ("value", Value::Float(1.0))]);
        let expected = Value::List(vec![
            Value::Map(vec![
                (Value::str("a"), Value::Int(1)),
                (Value::str("b"), Value::List(vec![Value::Float(2.5)])),
            ]),
            Value::Set(vec![Value::str("x")]),
            Value::Float(f64::NEG_INFINITY),
            spec.clone(),
        ]);
        assert_eq!(Value::from_plain_json(&json), expected);
        // Fields in any order (as JavaScript gives them) come out sorted.
        let unsorted = object(&[("value", Value::Float(1.0)), ("type", Value::str("value"))]);
        assert_eq!(unsorted.typed_forms(), spec);
    }
}
