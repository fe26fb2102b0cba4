//! Typed arrays: the element types Bokeh's `ndarray` names, their elements, and arrays
//! with a shape. Columns are these, never lists of boxed numbers.

use std::sync::Arc;

use super::{Elements, Value};

/// The element type of a typed array, named as Bokeh's `dtype`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DType {
    /// `bool`, one byte each.
    Bool,
    /// `uint8`.
    U8,
    /// `int8`.
    I8,
    /// `uint16`.
    U16,
    /// `int16`.
    I16,
    /// `uint32`.
    U32,
    /// `int32`.
    I32,
    /// `float32`.
    F32,
    /// `float64`: what columns of numbers usually are.
    F64,
}

impl DType {
    /// Bokeh's (numpy's) name of the type: `"float64"`.
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

    /// Bytes per element.
    pub fn size(self) -> usize {
        match self {
            DType::Bool | DType::U8 | DType::I8 => 1,
            DType::U16 | DType::I16 => 2,
            DType::U32 | DType::I32 | DType::F32 => 4,
            DType::F64 => 8,
        }
    }

    /// The type Bokeh names `name`, if it is one of these.
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

/// The elements of a typed array. NaN equals NaN here, as in [`Value`].
#[derive(Clone, Debug)]
pub enum ArrayData {
    /// `bool` elements.
    Bool(Elements<bool>),
    /// `uint8` elements.
    U8(Elements<u8>),
    /// `int8` elements.
    I8(Elements<i8>),
    /// `uint16` elements.
    U16(Elements<u16>),
    /// `int16` elements.
    I16(Elements<i16>),
    /// `uint32` elements.
    U32(Elements<u32>),
    /// `int32` elements.
    I32(Elements<i32>),
    /// `float32` elements.
    F32(Elements<f32>),
    /// `float64` elements.
    F64(Elements<f64>),
}

impl PartialEq for ArrayData {
    fn eq(&self, other: &ArrayData) -> bool {
        fn floats<T: PartialEq + Copy>(a: &[T], b: &[T], nan: fn(T) -> bool) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y || (nan(*x) && nan(*y)))
        }
        match (self, other) {
            (ArrayData::Bool(a), ArrayData::Bool(b)) => a == b,
            (ArrayData::U8(a), ArrayData::U8(b)) => a == b,
            (ArrayData::I8(a), ArrayData::I8(b)) => a == b,
            (ArrayData::U16(a), ArrayData::U16(b)) => a == b,
            (ArrayData::I16(a), ArrayData::I16(b)) => a == b,
            (ArrayData::U32(a), ArrayData::U32(b)) => a == b,
            (ArrayData::I32(a), ArrayData::I32(b)) => a == b,
            (ArrayData::F32(a), ArrayData::F32(b)) => floats(a, b, f32::is_nan),
            (ArrayData::F64(a), ArrayData::F64(b)) => floats(a, b, f64::is_nan),
            _ => false,
        }
    }
}

impl ArrayData {
    /// The element type.
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

    /// The number of elements.
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

    /// Whether there are no elements.
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
    /// The element as a value: `Int` for the integer types, `Float`, `Bool`.
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
            DType::Bool => ArrayData::Bool(convert(dtype, values)?.into()),
            DType::U8 => ArrayData::U8(convert(dtype, values)?.into()),
            DType::I8 => ArrayData::I8(convert(dtype, values)?.into()),
            DType::U16 => ArrayData::U16(convert(dtype, values)?.into()),
            DType::I16 => ArrayData::I16(convert(dtype, values)?.into()),
            DType::U32 => ArrayData::U32(convert(dtype, values)?.into()),
            DType::I32 => ArrayData::I32(convert(dtype, values)?.into()),
            DType::F32 => ArrayData::F32(convert(dtype, values)?.into()),
            DType::F64 => ArrayData::F64(convert(dtype, values)?.into()),
        })
    }

    /// The same elements as `dtype`: free when it already is, element by element otherwise.
    pub fn converted(&self, dtype: DType) -> Result<ArrayData, String> {
        if self.dtype() == dtype {
            return Ok(self.clone());
        }
        ArrayData::from_values(dtype, &self.to_values())
    }

    /// Whether `value` converts to an element of this array's type, or why not.
    pub fn check_fits(&self, value: &Value) -> Result<(), String> {
        let dtype = self.dtype();
        let fits = each_dtype!(self, v => element_fits(v, value));
        if fits {
            Ok(())
        } else {
            Err(format!(
                "{} value does not fit a {} column",
                value.kind_name(),
                dtype.name()
            ))
        }
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

    /// Removes the first `n` elements and returns them, at the cost of the elements
    /// removed (see [`Elements`]).
    pub fn drain_front(&mut self, n: usize) -> ArrayData {
        map_dtype!(self, v => v.drop_front(n).into())
    }

    /// Puts `front` (of the same dtype) back before the elements.
    pub(crate) fn prepend(&mut self, front: &ArrayData) {
        match (self, front) {
            (ArrayData::Bool(a), ArrayData::Bool(b)) => a.prepend(b.to_vec()),
            (ArrayData::U8(a), ArrayData::U8(b)) => a.prepend(b.to_vec()),
            (ArrayData::I8(a), ArrayData::I8(b)) => a.prepend(b.to_vec()),
            (ArrayData::U16(a), ArrayData::U16(b)) => a.prepend(b.to_vec()),
            (ArrayData::I16(a), ArrayData::I16(b)) => a.prepend(b.to_vec()),
            (ArrayData::U32(a), ArrayData::U32(b)) => a.prepend(b.to_vec()),
            (ArrayData::I32(a), ArrayData::I32(b)) => a.prepend(b.to_vec()),
            (ArrayData::F32(a), ArrayData::F32(b)) => a.prepend(b.to_vec()),
            (ArrayData::F64(a), ArrayData::F64(b)) => a.prepend(b.to_vec()),
            (a, b) => panic!("prepend of {:?} to {:?}", b.dtype(), a.dtype()),
        }
    }

    /// Keeps the first `n` elements.
    pub fn truncate(&mut self, n: usize) {
        each_dtype!(self, v => v.truncate(n))
    }

    /// An empty array of the same dtype.
    pub fn empty_like(&self) -> ArrayData {
        map_dtype!(self, _v => Vec::new().into())
    }
}

/// Whether `value` converts to an element like those of `_elements`.
fn element_fits<T: Element>(_elements: &[T], value: &Value) -> bool {
    T::from_value(value).is_some()
}

/// A typed array with its shape (Bokeh's `ndarray`). The elements are shared, so an event
/// or a callback's `old`/`new` costs a reference count, not a copy of a million points.
///
/// A `Vec` of f64, f32, i32 or bool becomes a one-dimensional array without a copy:
///
/// ```
/// use rokeh::core::{DType, NdArray};
/// let column: NdArray = vec![1.0, 2.5, 4.0].into();
/// assert_eq!(column.shape, [3]);
/// assert_eq!(column.data.dtype(), DType::F64);
/// assert_eq!(column.as_f64(), Some(&[1.0, 2.5, 4.0][..]));
/// ```
#[derive(Clone, Debug)]
pub struct NdArray {
    /// The elements, in numpy's order, shared: change them through `Arc::make_mut`.
    pub data: Arc<ArrayData>,
    /// The length of each dimension, as numpy's `shape`: `[n]` for a column.
    pub shape: Vec<usize>,
}

/// Shared elements are equal without a look at them (a million-row column set again).
impl PartialEq for NdArray {
    fn eq(&self, other: &NdArray) -> bool {
        self.shape == other.shape
            && (Arc::ptr_eq(&self.data, &other.data) || self.data == other.data)
    }
}

impl NdArray {
    /// Whether a one-dimensional f64 array is finite and never decreases (remembered by
    /// the shared elements until they change); `None` for any other array.
    pub fn ascending(&self) -> Option<bool> {
        match &*self.data {
            ArrayData::F64(v) if self.shape.len() == 1 => Some(v.ascending()),
            _ => None,
        }
    }

    /// A one-dimensional array.
    pub fn new(data: ArrayData) -> NdArray {
        let shape = vec![data.len()];
        NdArray {
            data: Arc::new(data),
            shape,
        }
    }

    /// The number of elements, over all dimensions.
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// A value standing for every element, for kind checks: an int for the integer
    /// dtypes, a float for the float ones, a bool for bools.
    pub(crate) fn sample(&self) -> Value {
        match &*self.data {
            ArrayData::Bool(_) => Value::Bool(false),
            ArrayData::F32(_) | ArrayData::F64(_) => Value::Float(0.0),
            _ => Value::Int(0),
        }
    }

    /// The elements as f64 when that is what they are, without a copy.
    pub fn as_f64(&self) -> Option<&[f64]> {
        match &*self.data {
            ArrayData::F64(v) => Some(v),
            _ => None,
        }
    }

    /// The f64 elements themselves, which remember what passes over them found (see
    /// [`Elements::finite_bounds`]); `None` for other element types.
    pub fn f64_elements(&self) -> Option<&Elements<f64>> {
        match &*self.data {
            ArrayData::F64(v) => Some(v),
            _ => None,
        }
    }
}

impl From<Vec<f64>> for NdArray {
    fn from(v: Vec<f64>) -> NdArray {
        NdArray::new(ArrayData::F64(v.into()))
    }
}
impl From<Vec<f32>> for NdArray {
    fn from(v: Vec<f32>) -> NdArray {
        NdArray::new(ArrayData::F32(v.into()))
    }
}
impl From<Vec<i32>> for NdArray {
    fn from(v: Vec<i32>) -> NdArray {
        NdArray::new(ArrayData::I32(v.into()))
    }
}
impl From<Vec<bool>> for NdArray {
    fn from(v: Vec<bool>) -> NdArray {
        NdArray::new(ArrayData::Bool(v.into()))
    }
}
