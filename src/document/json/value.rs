//! `Value` <-> Bokeh's JSON value forms: plain JSON, `number` (nan, ±inf), `array`, `set`,
//! `map`, `bytes`, `slice`, `ndarray`, model references (`{"id":…}`) and model definitions
//! (`{"type":"object","name":…,"id":…,"attributes":{…}}`) where a model first appears.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use serde_json::{json, Map, Value as Json};

use super::buffers::{decode_inline, encode_inline, BufferId, BufferMode, Buffers};
use super::{JsonError, MAX_DEPTH};
use crate::core::special_float;
use crate::document::{ArrayData, DType, Document, Model, ModelId, NdArray, Value};

/// Writes values, turning the first mention of each model the reader does not know yet
/// into its full definition, as Bokeh's serializer does.
pub(super) struct Encoder<'a> {
    doc: &'a Document,
    mode: BufferMode,
    pub(super) buffers: Buffers,
    /// Models the reader has already: written as `{"id":…}`.
    known: &'a dyn Fn(&ModelId) -> bool,
    /// Models written in full in this message.
    written: HashSet<ModelId>,
    /// JSON levels open around the value being written.
    depth: usize,
    /// Set when something would have nested past [`MAX_DEPTH`]: it was left out.
    pub(super) too_deep: bool,
    /// Only measuring: arrays' bytes are not written.
    dry: bool,
}

impl<'a> Encoder<'a> {
    pub(super) fn new(
        doc: &'a Document,
        mode: BufferMode,
        known: &'a dyn Fn(&ModelId) -> bool,
    ) -> Encoder<'a> {
        Encoder {
            doc,
            mode,
            buffers: Buffers::new(),
            known,
            written: HashSet::new(),
            depth: 0,
            too_deep: false,
            dry: false,
        }
    }

    /// An encoder that writes no array bytes: to learn whether a document can be written.
    pub(super) fn dry(doc: &'a Document, known: &'a dyn Fn(&ModelId) -> bool) -> Encoder<'a> {
        Encoder {
            dry: true,
            ..Encoder::new(doc, BufferMode::Binary, known)
        }
    }

    /// Writes `f` `levels` JSON levels deeper, unless that passes [`MAX_DEPTH`]: then
    /// `None`, and the encoder remembers it. This bounds the encoder's own recursion, which
    /// follows the nesting of model definitions (a chain of models nests one per link).
    fn nested(&mut self, levels: usize, f: impl FnOnce(&mut Self) -> Json) -> Option<Json> {
        if self.depth + levels > MAX_DEPTH {
            self.too_deep = true;
            return None;
        }
        self.depth += levels;
        let json = f(self);
        self.depth -= levels;
        Some(json)
    }

    pub(super) fn value(&mut self, value: &Value) -> Json {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => json!(i),
            Value::Float(f) => float(*f),
            Value::Str(s) => Json::String(s.clone()),
            Value::List(items) => self
                .nested(1, |enc| {
                    Json::Array(items.iter().map(|v| enc.value(v)).collect())
                })
                .unwrap_or(Json::Null),
            Value::Set(items) => self
                .nested(2, |enc| {
                    let entries: Vec<Json> = items.iter().map(|v| enc.value(v)).collect();
                    json!({"type": "set", "entries": entries})
                })
                .unwrap_or(Json::Null),
            Value::Map(entries) => self
                .nested(3, |enc| {
                    let entries: Vec<Json> = entries
                        .iter()
                        .map(|(k, v)| Json::Array(vec![enc.value(k), enc.value(v)]))
                        .collect();
                    json!({"type": "map", "entries": entries})
                })
                .unwrap_or(Json::Null),
            Value::Ref(id) => self.model(id),
            Value::Array(array) => self.ndarray(array),
            Value::Bytes(bytes) => self.bytes(bytes.len(), |range, out| {
                out.extend_from_slice(&bytes[range])
            }),
            Value::Slice { start, stop, step } => {
                json!({"type": "slice", "start": start, "stop": stop, "step": step})
            }
            Value::Object(fields) => self
                .nested(1, |enc| {
                    // In the order the JSON will list them (by name), so a model defined
                    // in one field is defined before another field refers to it: the
                    // names go into the object first, which sorts them (no sort compiled
                    // for these pairs), then each is filled in, the last field of a name
                    // winning as in a JSON object.
                    let mut object = Map::new();
                    for (name, _) in fields {
                        object.insert(name.clone(), Json::Null);
                    }
                    for (name, slot) in object.iter_mut() {
                        if let Some((_, value)) = fields.iter().rev().find(|(n, _)| n == name) {
                            *slot = enc.value(value);
                        }
                    }
                    Json::Object(object)
                })
                .unwrap_or(Json::Null),
        }
    }

    /// Whether the reader has model `id` already, or will by this point of the message.
    pub(super) fn is_known(&self, id: &ModelId) -> bool {
        (self.known)(id) || self.written.contains(id)
    }

    /// A model: its definition the first time the reader meets it, `{"id":…}` after.
    pub(super) fn model(&mut self, id: &ModelId) -> Json {
        let reference = json!({"id": id.as_str()});
        if self.is_known(id) {
            return reference;
        }
        let Some(any) = self.doc.lookup(id) else {
            return reference;
        };
        // The definition and its attributes: two levels.
        if self.depth + 2 > MAX_DEPTH {
            self.too_deep = true;
            return reference;
        }
        self.written.insert(id.clone());
        let model = self.doc.model(any);
        let mut rep = Map::new();
        rep.insert("type".into(), json!("object"));
        rep.insert("name".into(), json!(model.type_name));
        rep.insert("id".into(), json!(id.as_str()));
        if !model.attrs.is_empty() {
            // Inserted one by one: collecting into a map compiles a sort for each
            // iterator type collected from.
            let attributes = self.nested(2, |enc| {
                let mut attributes = Map::new();
                for (name, value) in &model.attrs {
                    attributes.insert(name.clone(), enc.value(value));
                }
                Json::Object(attributes)
            });
            rep.insert("attributes".into(), attributes.unwrap_or(Json::Null));
        }
        Json::Object(rep)
    }

    /// A `bytes` form of `len` bytes, which `write` appends by byte range (so inline
    /// text is made without a copy of the whole).
    fn bytes(&mut self, len: usize, mut write: impl FnMut(Range<usize>, &mut Vec<u8>)) -> Json {
        if self.dry {
            return json!({"type": "bytes", "data": null});
        }
        let data = match self.mode {
            BufferMode::Inline => Json::String(encode_inline(len, write)),
            BufferMode::Binary => {
                let mut all = Vec::with_capacity(len);
                write(0..len, &mut all);
                json!({"id": self.buffers.push(all).0})
            }
        };
        json!({"type": "bytes", "data": data})
    }

    fn ndarray(&mut self, array: &NdArray) -> Json {
        let data = &array.data;
        let bytes = self.bytes(data.len() * data.dtype().size(), |range, out| {
            write_le(data, range, out)
        });
        json!({
            "type": "ndarray",
            "array": bytes,
            "shape": array.shape,
            "dtype": data.dtype().name(),
            "order": "little",
        })
    }
}

/// A float as Bokeh writes it: a JSON number, or `{"type":"number","value":"nan"}` etc.
fn float(f: f64) -> Json {
    match serde_json::Number::from_f64(f) {
        Some(n) => Json::Number(n),
        None => {
            let name = if f.is_nan() {
                "nan"
            } else if f > 0.0 {
                "+inf"
            } else {
                "-inf"
            };
            json!({"type": "number", "value": name})
        }
    }
}

/// Appends the little-endian bytes in `bytes` (a range of whole elements) of `data`.
fn write_le(data: &ArrayData, bytes: Range<usize>, out: &mut Vec<u8>) {
    fn pack<T: Copy, const N: usize>(
        v: &[T],
        bytes: Range<usize>,
        out: &mut Vec<u8>,
        to_le: impl Fn(T) -> [u8; N],
    ) {
        let items = &v[bytes.start / N..bytes.end / N];
        let from = out.len();
        out.resize(from + items.len() * N, 0);
        for (chunk, x) in out[from..].chunks_exact_mut(N).zip(items) {
            chunk.copy_from_slice(&to_le(*x));
        }
    }
    match data {
        ArrayData::Bool(v) => out.extend(v[bytes].iter().map(|b| u8::from(*b))),
        ArrayData::U8(v) => out.extend_from_slice(&v[bytes]),
        ArrayData::I8(v) => pack(v, bytes, out, i8::to_le_bytes),
        ArrayData::U16(v) => pack(v, bytes, out, u16::to_le_bytes),
        ArrayData::I16(v) => pack(v, bytes, out, i16::to_le_bytes),
        ArrayData::U32(v) => pack(v, bytes, out, u32::to_le_bytes),
        ArrayData::I32(v) => pack(v, bytes, out, i32::to_le_bytes),
        ArrayData::F32(v) => pack(v, bytes, out, f32::to_le_bytes),
        ArrayData::F64(v) => pack(v, bytes, out, f64::to_le_bytes),
    }
}

/// Elements of `dtype` from their bytes in the given byte order.
fn from_bytes(dtype: DType, bytes: &[u8], little: bool) -> Result<ArrayData, JsonError> {
    fn unpack<T, const N: usize>(
        bytes: &[u8],
        from: impl Fn([u8; N]) -> T,
        little: bool,
    ) -> Result<Vec<T>, JsonError> {
        if !bytes.len().is_multiple_of(N) {
            return Err(JsonError::BadBytes(format!(
                "{} bytes are not a whole number of {N}-byte elements",
                bytes.len()
            )));
        }
        Ok(bytes
            .chunks_exact(N)
            .map(|c| {
                let mut b: [u8; N] = c.try_into().expect("chunks of N");
                if !little {
                    b.reverse();
                }
                from(b)
            })
            .collect())
    }
    Ok(match dtype {
        DType::Bool => ArrayData::Bool(bytes.iter().map(|b| *b != 0).collect()),
        DType::U8 => ArrayData::U8(bytes.to_vec().into()),
        DType::I8 => ArrayData::I8(unpack(bytes, i8::from_le_bytes, little)?.into()),
        DType::U16 => ArrayData::U16(unpack(bytes, u16::from_le_bytes, little)?.into()),
        DType::I16 => ArrayData::I16(unpack(bytes, i16::from_le_bytes, little)?.into()),
        DType::U32 => ArrayData::U32(unpack(bytes, u32::from_le_bytes, little)?.into()),
        DType::I32 => ArrayData::I32(unpack(bytes, i32::from_le_bytes, little)?.into()),
        DType::F32 => ArrayData::F32(unpack(bytes, f32::from_le_bytes, little)?.into()),
        DType::F64 => ArrayData::F64(unpack(bytes, f64::from_le_bytes, little)?.into()),
    })
}

/// Reads values, collecting the models defined in them.
pub(super) struct Decoder<'b> {
    buffers: &'b Buffers,
    /// Models defined in what was decoded, in order of first appearance.
    pub(super) defs: Vec<Model>,
    defined: HashSet<ModelId>,
    /// Bytes arrays may still decode to (see [`Buffers::with_array_limit`]).
    pub(super) array_budget: usize,
    /// JSON levels open around the value being read.
    depth: usize,
}

impl<'b> Decoder<'b> {
    pub(super) fn new(buffers: &'b Buffers) -> Decoder<'b> {
        Decoder {
            buffers,
            defs: Vec::new(),
            defined: HashSet::new(),
            array_budget: buffers.array_limit(),
            depth: 0,
        }
    }

    /// Reads a value. Nesting past [`MAX_DEPTH`] is refused, so this recursion is bounded
    /// whatever the input (serde_json's parser stops at 128 levels, but a `Json` may come
    /// from anywhere).
    pub(super) fn value(&mut self, json: &Json) -> Result<Value, JsonError> {
        Ok(match json {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::from_json_number(n),
            Json::String(s) => Value::Str(s.clone()),
            Json::Array(items) => {
                self.enter()?;
                let list = Value::List(self.list(items)?);
                self.depth -= 1;
                list
            }
            Json::Object(obj) => {
                self.enter()?;
                let value = self.object(obj)?;
                self.depth -= 1;
                value
            }
        })
    }

    /// One level deeper; on error the decoder is dropped, so the count need not unwind.
    fn enter(&mut self) -> Result<(), JsonError> {
        if self.depth >= MAX_DEPTH {
            return Err(JsonError::TooDeep(MAX_DEPTH));
        }
        self.depth += 1;
        Ok(())
    }

    fn list(&mut self, items: &[Json]) -> Result<Vec<Value>, JsonError> {
        items.iter().map(|v| self.value(v)).collect()
    }

    fn entries<'j>(&self, obj: &'j Map<String, Json>) -> Result<&'j [Json], JsonError> {
        match obj.get("entries") {
            None => Ok(&[]),
            Some(Json::Array(entries)) => Ok(entries),
            Some(_) => Err(malformed("'entries' is not a list")),
        }
    }

    fn object(&mut self, obj: &Map<String, Json>) -> Result<Value, JsonError> {
        let Some(kind) = obj.get("type").and_then(Json::as_str) else {
            return match obj.get("id") {
                Some(id) => Ok(Value::Ref(model_id(id)?)),
                None => self.fields(obj),
            };
        };
        Ok(match kind {
            "number" => match obj.get("value") {
                Some(Json::Number(n)) => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
                Some(Json::String(s)) => Value::Float(
                    special_float(s).ok_or_else(|| malformed(format!("unknown number '{s}'")))?,
                ),
                _ => return Err(malformed("a number without a value")),
            },
            "array" => Value::List(self.list(self.entries(obj)?)?),
            "set" => Value::Set(self.list(self.entries(obj)?)?),
            "map" => {
                let mut entries = Vec::new();
                for entry in self.entries(obj)? {
                    match entry.as_array().map(Vec::as_slice) {
                        Some([k, v]) => entries.push((self.value(k)?, self.value(v)?)),
                        _ => return Err(malformed("a map entry is not a [key, value] pair")),
                    }
                }
                Value::Map(entries)
            }
            "bytes" => Value::Bytes(Arc::new(self.bytes(obj)?.into_owned())),
            "slice" => {
                let bound = |name: &str| match obj.get(name) {
                    None | Some(Json::Null) => Ok(None),
                    Some(v) => v
                        .as_i64()
                        .map(Some)
                        .ok_or_else(|| malformed(format!("slice {name} is not an int"))),
                };
                Value::Slice {
                    start: bound("start")?,
                    stop: bound("stop")?,
                    step: bound("step")?,
                }
            }
            "ndarray" => self.ndarray(obj)?,
            "ref" => Value::Ref(model_id(obj.get("id").unwrap_or(&Json::Null))?),
            "object" if obj.contains_key("id") => self.model(obj)?,
            // field/value/expr specs and object forms rokeh does not interpret: verbatim.
            _ => self.fields(obj)?,
        })
    }

    fn fields(&mut self, obj: &Map<String, Json>) -> Result<Value, JsonError> {
        let fields = obj
            .iter()
            .map(|(k, v)| Ok((k.clone(), self.value(v)?)))
            .collect::<Result<_, JsonError>>()?;
        Ok(Value::Object(fields))
    }

    /// A model definition: recorded (the first one of an id wins, as in Bokeh), and
    /// replaced by a reference.
    fn model(&mut self, obj: &Map<String, Json>) -> Result<Value, JsonError> {
        let id = model_id(&obj["id"])?;
        if !self.defined.insert(id.clone()) {
            return Ok(Value::Ref(id));
        }
        let type_name = obj
            .get("name")
            .and_then(Json::as_str)
            .ok_or_else(|| malformed(format!("model {id} has no type name")))?;
        // Take the slot first so models are listed in order of appearance.
        let slot = self.defs.len();
        self.defs.push(Model {
            id: id.clone(),
            type_name: type_name.to_owned(),
            attrs: Default::default(),
        });
        match obj.get("attributes") {
            None => {}
            Some(Json::Object(attributes)) => {
                for (name, value) in attributes {
                    let value = self.value(value).map_err(|e| JsonError::InAttribute {
                        id: id.clone(),
                        attr: name.clone(),
                        source: Box::new(e),
                    })?;
                    self.defs[slot].attrs.insert(name.clone(), value);
                }
            }
            Some(_) => return Err(malformed(format!("attributes of {id} are not an object"))),
        }
        Ok(Value::Ref(id))
    }

    /// The bytes of a `bytes` form: decoded when inline, borrowed from their buffer;
    /// either way charged to the message's budget (a buffer may be referred to often).
    fn bytes(&mut self, obj: &Map<String, Json>) -> Result<Cow<'b, [u8]>, JsonError> {
        match obj.get("data") {
            Some(Json::String(text)) => {
                let bytes = decode_inline(text, self.array_budget)?;
                self.array_budget -= bytes.len();
                Ok(Cow::Owned(bytes))
            }
            Some(Json::Object(reference)) => {
                let id = reference
                    .get("id")
                    .and_then(Json::as_str)
                    .ok_or_else(|| malformed("a buffer reference without an id"))?;
                let id = BufferId(id.to_owned());
                let bytes = self.buffers.get(&id).ok_or(JsonError::UnknownBuffer(id))?;
                self.array_budget =
                    self.array_budget.checked_sub(bytes.len()).ok_or_else(|| {
                        JsonError::TooLarge(format!(
                            "the message's arrays decode past {} bytes",
                            self.buffers.array_limit()
                        ))
                    })?;
                Ok(Cow::Borrowed(bytes))
            }
            _ => Err(malformed("bytes without data")),
        }
    }

    fn ndarray(&mut self, obj: &Map<String, Json>) -> Result<Value, JsonError> {
        let dtype_name = obj
            .get("dtype")
            .and_then(Json::as_str)
            .ok_or_else(|| malformed("an ndarray without a dtype"))?;
        let shape: Vec<usize> = match obj.get("shape") {
            Some(Json::Array(dims)) => dims
                .iter()
                .map(|d| d.as_u64().and_then(|d| usize::try_from(d).ok()))
                .collect::<Option<_>>()
                .ok_or_else(|| malformed("an ndarray shape is not a list of sizes"))?,
            _ => return Err(malformed("an ndarray without a shape")),
        };
        // Checked before anything is read: a product that overflows names no array.
        let elements = shape
            .iter()
            .try_fold(1usize, |n, d| n.checked_mul(*d))
            .ok_or_else(|| malformed(format!("an ndarray shape {shape:?} is too large")))?;
        let little = match obj.get("order").and_then(Json::as_str) {
            Some("little") | None => true,
            Some("big") => false,
            Some(other) => return Err(malformed(format!("unknown byte order '{other}'"))),
        };
        let array = obj
            .get("array")
            .ok_or_else(|| malformed("an ndarray without its array"))?;
        // Python objects (strings, say) travel as a list: a list column here.
        if dtype_name == "object" {
            return match self.value(array)? {
                Value::List(items) if shape.len() <= 1 => Ok(Value::List(items)),
                _ => Err(malformed(
                    "an object ndarray that is not a one-dimensional list",
                )),
            };
        }
        let dtype = DType::from_name(dtype_name)
            .ok_or_else(|| JsonError::UnsupportedDType(dtype_name.to_owned()))?;
        let data = match array {
            Json::Object(bytes) if bytes.get("type").and_then(Json::as_str) == Some("bytes") => {
                from_bytes(dtype, &self.bytes(bytes)?, little)?
            }
            Json::Array(items) => {
                let items = self.list(items)?;
                ArrayData::from_values(dtype, &items).map_err(malformed)?
            }
            _ => return Err(malformed("an ndarray's array is neither bytes nor a list")),
        };
        if elements != data.len() {
            return Err(malformed(format!(
                "an ndarray of shape {shape:?} holds {} elements",
                data.len()
            )));
        }
        Ok(Value::Array(NdArray {
            data: Arc::new(data),
            shape,
        }))
    }
}

fn model_id(json: &Json) -> Result<ModelId, JsonError> {
    json.as_str()
        .map(|s| ModelId(s.to_owned()))
        .ok_or_else(|| malformed("a model id is not a string"))
}

pub(super) fn malformed(message: impl Into<String>) -> JsonError {
    JsonError::Malformed(message.into())
}
