//! Property values: one enum for every attribute a model can hold, in the shapes Bokeh's
//! document JSON can express, with numeric columns kept as typed arrays.

use std::sync::Arc;

use super::ModelId;

/// A property value. Columns are typed arrays, never lists of boxed numbers.
#[derive(Clone, Debug)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    /// Any float, including NaN and ±inf (Bokeh's `{"type":"number"}` form).
    Float(f64),
    Str(String),
    List(Vec<Value>),
    Set(Vec<Value>),
    /// Bokeh's `map`: ordered entries whose keys may be any value.
    Map(Vec<(Value, Value)>),
    /// A reference to another model of the document.
    Ref(ModelId),
    Array(NdArray),
    Bytes(Arc<Vec<u8>>),
    Slice {
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    },
    /// Any other typed object kept field by field, "type" included: Bokeh's
    /// `{"type":"field","field":"x"}` and `{"type":"value","value":3}` specs,
    /// and object forms rokeh does not interpret.
    Object(Vec<(String, Value)>),
}

impl Value {
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

    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_ref_id(&self) -> Option<&ModelId> {
        match self {
            Value::Ref(id) => Some(id),
            _ => None,
        }
    }

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

/// The element type of a typed array, named as Bokeh's `dtype`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DType {
    Bool,
    U8,
    I8,
    U16,
    I16,
    U32,
    I32,
    F32,
    F64,
}

impl DType {
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::U8 => "uint8",
            DType::I8 => "int8",
            DType::U16 => "uint16",
            DType::I16 => "int16",
            DType::U32 => "uint32",
            DType::I32 => "int32",
            DType::F32 => "float32",
            DType::F64 => "float64",
        }
    }

    pub fn from_name(name: &str) -> Option<DType> {
        Some(match name {
            "bool" => DType::Bool,
            "uint8" => DType::U8,
            "int8" => DType::I8,
            "uint16" => DType::U16,
            "int16" => DType::I16,
            "uint32" => DType::U32,
            "int32" => DType::I32,
            "float32" => DType::F32,
            "float64" => DType::F64,
            _ => return None,
        })
    }
}

/// The elements of a typed array.
#[derive(Clone, Debug, PartialEq)]
pub enum ArrayData {
    Bool(Vec<bool>),
    U8(Vec<u8>),
    I8(Vec<i8>),
    U16(Vec<u16>),
    I16(Vec<i16>),
    U32(Vec<u32>),
    I32(Vec<i32>),
    F32(Vec<f32>),
    F64(Vec<f64>),
}

impl ArrayData {
    pub fn dtype(&self) -> DType {
        match self {
            ArrayData::Bool(_) => DType::Bool,
            ArrayData::U8(_) => DType::U8,
            ArrayData::I8(_) => DType::I8,
            ArrayData::U16(_) => DType::U16,
            ArrayData::I16(_) => DType::I16,
            ArrayData::U32(_) => DType::U32,
            ArrayData::I32(_) => DType::I32,
            ArrayData::F32(_) => DType::F32,
            ArrayData::F64(_) => DType::F64,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            ArrayData::Bool(v) => v.len(),
            ArrayData::U8(v) => v.len(),
            ArrayData::I8(v) => v.len(),
            ArrayData::U16(v) => v.len(),
            ArrayData::I16(v) => v.len(),
            ArrayData::U32(v) => v.len(),
            ArrayData::I32(v) => v.len(),
            ArrayData::F32(v) => v.len(),
            ArrayData::F64(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Element `i` widened to f64 (true is 1).
    pub fn get_f64(&self, i: usize) -> Option<f64> {
        Some(match self {
            ArrayData::Bool(v) => f64::from(u8::from(*v.get(i)?)),
            ArrayData::U8(v) => f64::from(*v.get(i)?),
            ArrayData::I8(v) => f64::from(*v.get(i)?),
            ArrayData::U16(v) => f64::from(*v.get(i)?),
            ArrayData::I16(v) => f64::from(*v.get(i)?),
            ArrayData::U32(v) => f64::from(*v.get(i)?),
            ArrayData::I32(v) => f64::from(*v.get(i)?),
            ArrayData::F32(v) => f64::from(*v.get(i)?),
            ArrayData::F64(v) => *v.get(i)?,
        })
    }
}

/// Calls `$e` with the elements of any `ArrayData` bound to `$v`.
macro_rules! each_dtype {
    ($data:expr, $v:ident => $e:expr) => {
        match $data {
            ArrayData::Bool($v) => $e,
            ArrayData::U8($v) => $e,
            ArrayData::I8($v) => $e,
            ArrayData::U16($v) => $e,
            ArrayData::I16($v) => $e,
            ArrayData::U32($v) => $e,
            ArrayData::I32($v) => $e,
            ArrayData::F32($v) => $e,
            ArrayData::F64($v) => $e,
        }
    };
}

/// Like `each_dtype!`, where `$e` makes elements of the same type, wrapped back up.
macro_rules! map_dtype {
    ($data:expr, $v:ident => $e:expr) => {
        match $data {
            ArrayData::Bool($v) => ArrayData::Bool($e),
            ArrayData::U8($v) => ArrayData::U8($e),
            ArrayData::I8($v) => ArrayData::I8($e),
            ArrayData::U16($v) => ArrayData::U16($e),
            ArrayData::I16($v) => ArrayData::I16($e),
            ArrayData::U32($v) => ArrayData::U32($e),
            ArrayData::I32($v) => ArrayData::I32($e),
            ArrayData::F32($v) => ArrayData::F32($e),
            ArrayData::F64($v) => ArrayData::F64($e),
        }
    };
}

/// An element type of typed arrays: how it converts from and to a `Value`.
pub trait Element: Copy + Sized {
    /// `None` when `v` does not fit (a string, a fraction for an int column, …).
    fn from_value(v: &Value) -> Option<Self>;
    fn to_value(self) -> Value;
}

impl Element for bool {
    fn from_value(v: &Value) -> Option<bool> {
        v.as_bool()
    }
    fn to_value(self) -> Value {
        Value::Bool(self)
    }
}

impl Element for f64 {
    fn from_value(v: &Value) -> Option<f64> {
        v.as_f64()
    }
    fn to_value(self) -> Value {
        Value::Float(self)
    }
}

impl Element for f32 {
    fn from_value(v: &Value) -> Option<f32> {
        v.as_f64().map(|f| f as f32)
    }
    fn to_value(self) -> Value {
        Value::Float(f64::from(self))
    }
}

macro_rules! int_element {
    ($($t:ty),*) => {$(
        impl Element for $t {
            /// Ints, and floats with no fraction, within the type's range.
            fn from_value(v: &Value) -> Option<$t> {
                match *v {
                    Value::Int(i) => <$t>::try_from(i).ok(),
                    Value::Float(f) if f.fract() == 0.0 => <$t>::try_from(f as i64).ok(),
                    _ => None,
                }
            }
            fn to_value(self) -> Value {
                Value::Int(i64::from(self))
            }
        }
    )*};
}
int_element!(u8, i8, u16, i16, u32, i32);

impl ArrayData {
    /// Element `i` as a value.
    pub fn get(&self, i: usize) -> Option<Value> {
        each_dtype!(self, v => v.get(i).map(|e| e.to_value()))
    }

    /// Every element as a value (for list columns and error-free conversions).
    pub fn to_values(&self) -> Vec<Value> {
        each_dtype!(self, v => v.iter().map(|e| e.to_value()).collect())
    }

    /// Elements of `dtype` converted from `values`; the error names the first misfit.
    pub fn from_values(dtype: DType, values: &[Value]) -> Result<ArrayData, String> {
        fn convert<T: Element>(dtype: DType, values: &[Value]) -> Result<Vec<T>, String> {
            values
                .iter()
                .map(|v| {
                    T::from_value(v).ok_or_else(|| {
                        format!(
                            "{} value does not fit a {} column",
                            v.kind_name(),
                            dtype.name()
                        )
                    })
                })
                .collect()
        }
        Ok(match dtype {
            DType::Bool => ArrayData::Bool(convert(dtype, values)?),
            DType::U8 => ArrayData::U8(convert(dtype, values)?),
            DType::I8 => ArrayData::I8(convert(dtype, values)?),
            DType::U16 => ArrayData::U16(convert(dtype, values)?),
            DType::I16 => ArrayData::I16(convert(dtype, values)?),
            DType::U32 => ArrayData::U32(convert(dtype, values)?),
            DType::I32 => ArrayData::I32(convert(dtype, values)?),
            DType::F32 => ArrayData::F32(convert(dtype, values)?),
            DType::F64 => ArrayData::F64(convert(dtype, values)?),
        })
    }

    /// The same elements as `dtype`: free when it already is, element by element otherwise.
    pub fn converted(&self, dtype: DType) -> Result<ArrayData, String> {
        if self.dtype() == dtype {
            return Ok(self.clone());
        }
        ArrayData::from_values(dtype, &self.to_values())
    }

    /// Sets element `i` from a value; the caller has checked `i` is in range.
    pub fn set(&mut self, i: usize, value: &Value) -> Result<(), String> {
        let dtype = self.dtype();
        each_dtype!(self, v => {
            v[i] = Element::from_value(value).ok_or_else(|| {
                format!("{} value does not fit a {} column", value.kind_name(), dtype.name())
            })?;
        });
        Ok(())
    }

    /// Appends `other`, which has this array's dtype.
    pub fn extend(&mut self, other: &ArrayData) {
        match (self, other) {
            (ArrayData::Bool(a), ArrayData::Bool(b)) => a.extend_from_slice(b),
            (ArrayData::U8(a), ArrayData::U8(b)) => a.extend_from_slice(b),
            (ArrayData::I8(a), ArrayData::I8(b)) => a.extend_from_slice(b),
            (ArrayData::U16(a), ArrayData::U16(b)) => a.extend_from_slice(b),
            (ArrayData::I16(a), ArrayData::I16(b)) => a.extend_from_slice(b),
            (ArrayData::U32(a), ArrayData::U32(b)) => a.extend_from_slice(b),
            (ArrayData::I32(a), ArrayData::I32(b)) => a.extend_from_slice(b),
            (ArrayData::F32(a), ArrayData::F32(b)) => a.extend_from_slice(b),
            (ArrayData::F64(a), ArrayData::F64(b)) => a.extend_from_slice(b),
            (a, b) => panic!("extend of {:?} by {:?}", a.dtype(), b.dtype()),
        }
    }

    /// Removes the first `n` elements and returns them.
    pub fn drain_front(&mut self, n: usize) -> ArrayData {
        map_dtype!(self, v => v.drain(..n).collect())
    }

    /// Keeps the first `n` elements.
    pub fn truncate(&mut self, n: usize) {
        each_dtype!(self, v => v.truncate(n))
    }

    /// An empty array of the same dtype.
    pub fn empty_like(&self) -> ArrayData {
        map_dtype!(self, _v => Vec::new())
    }
}

/// A typed array with its shape (Bokeh's `ndarray`). The elements are shared, so an event
/// or a callback's `old`/`new` costs a reference count, not a copy of a million points.
#[derive(Clone, Debug, PartialEq)]
pub struct NdArray {
    pub data: Arc<ArrayData>,
    pub shape: Vec<usize>,
}

impl NdArray {
    /// A one-dimensional array.
    pub fn new(data: ArrayData) -> NdArray {
        let shape = vec![data.len()];
        NdArray {
            data: Arc::new(data),
            shape,
        }
    }

    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The elements as f64 when that is what they are, without a copy.
    pub fn as_f64(&self) -> Option<&[f64]> {
        match &*self.data {
            ArrayData::F64(v) => Some(v),
            _ => None,
        }
    }
}

impl From<Vec<f64>> for NdArray {
    fn from(v: Vec<f64>) -> NdArray {
        NdArray::new(ArrayData::F64(v))
    }
}
impl From<Vec<f32>> for NdArray {
    fn from(v: Vec<f32>) -> NdArray {
        NdArray::new(ArrayData::F32(v))
    }
}
impl From<Vec<i32>> for NdArray {
    fn from(v: Vec<i32>) -> NdArray {
        NdArray::new(ArrayData::I32(v))
    }
}
impl From<Vec<bool>> for NdArray {
    fn from(v: Vec<bool>) -> NdArray {
        NdArray::new(ArrayData::Bool(v))
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
}
