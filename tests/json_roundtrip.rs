//! Property test of the JSON value forms: random values of every shape, in models of a
//! type rokeh keeps verbatim, read back equal through both buffer modes, and through a
//! patch. Deterministic (a fixed-seed generator), so a failure reproduces.

use std::sync::Arc;

use rokeh::document::json::{
    apply_json_events, changes_to_json, to_json, BufferMode, SyncedModels,
};
use rokeh::document::{Actor, ArrayData, Document, Model, ModelId, NdArray, Origin, Value};

/// xorshift64*: enough randomness for shapes, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn name(&mut self) -> String {
        let len = 1 + self.below(6);
        (0..len)
            .map(|_| char::from(b'a' + self.below(26) as u8))
            .collect()
    }

    fn float(&mut self) -> f64 {
        match self.below(6) {
            0 => f64::NAN,
            1 => f64::INFINITY,
            2 => f64::NEG_INFINITY,
            3 => self.below(1000) as f64, // integral floats stay floats
            _ => f64::from_bits(self.next() >> 2) - 1.0,
        }
    }

    fn array(&mut self) -> NdArray {
        let len = self.below(9) as usize;
        let data = match self.below(9) {
            0 => ArrayData::Bool((0..len).map(|_| self.below(2) == 1).collect()),
            1 => ArrayData::U8((0..len).map(|_| self.next() as u8).collect()),
            2 => ArrayData::I8((0..len).map(|_| self.next() as i8).collect()),
            3 => ArrayData::U16((0..len).map(|_| self.next() as u16).collect()),
            4 => ArrayData::I16((0..len).map(|_| self.next() as i16).collect()),
            5 => ArrayData::U32((0..len).map(|_| self.next() as u32).collect()),
            6 => ArrayData::I32((0..len).map(|_| self.next() as i32).collect()),
            7 => ArrayData::F32((0..len).map(|_| self.float() as f32).collect()),
            _ => ArrayData::F64((0..len).map(|_| self.float()).collect()),
        };
        let shape = if len.is_multiple_of(2) && len > 0 && self.below(2) == 0 {
            vec![2, len / 2]
        } else {
            vec![len]
        };
        NdArray {
            data: Arc::new(data),
            shape,
        }
    }

    fn value(&mut self, depth: u32, refs: &[ModelId]) -> Value {
        let leaf = depth == 0;
        match self.below(if leaf { 9 } else { 14 }) {
            0 => Value::Null,
            1 => Value::Bool(self.below(2) == 1),
            2 => Value::Int(self.next() as i64 >> self.below(64)),
            3 => Value::Float(self.float()),
            4 => Value::Str(self.name()),
            5 if !refs.is_empty() => {
                Value::Ref(refs[self.below(refs.len() as u64) as usize].clone())
            }
            5 | 6 => Value::Array(self.array()),
            7 => Value::Bytes(Arc::new(
                (0..self.below(20)).map(|_| self.next() as u8).collect(),
            )),
            8 => {
                let mut bound = || (self.below(2) == 0).then(|| self.next() as i64 >> 40);
                Value::Slice {
                    start: bound(),
                    stop: bound(),
                    step: bound(),
                }
            }
            9 => Value::List(self.values(depth, refs)),
            10 => Value::Set(self.values(depth, refs)),
            11 => Value::Map(
                (0..self.below(4))
                    .map(|_| (self.value(0, refs), self.value(depth - 1, refs)))
                    .collect(),
            ),
            12 => {
                let kind = ["field", "value", "expr", "rokeh_unknown"][self.below(4) as usize];
                let mut fields = vec![("type".to_owned(), Value::str(kind))];
                fields.extend(self.fields(depth, refs));
                Value::Object(fields)
            }
            _ => Value::Object(self.fields(depth, refs)),
        }
    }

    fn values(&mut self, depth: u32, refs: &[ModelId]) -> Vec<Value> {
        (0..self.below(4))
            .map(|_| self.value(depth - 1, refs))
            .collect()
    }

    /// Fields of a plain object: never "type" or "id", which give a JSON object meaning.
    fn fields(&mut self, depth: u32, refs: &[ModelId]) -> Vec<(String, Value)> {
        let mut fields: Vec<(String, Value)> = Vec::new();
        for _ in 0..self.below(4) {
            let key = format!("k{}", self.name());
            if fields.iter().all(|(k, _)| *k != key) {
                fields.push((key, self.value(depth - 1, refs)));
            }
        }
        // JSON objects have no order: compare them sorted.
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        fields
    }
}

/// A document of models of a type rokeh has no schema for, holding random attributes and
/// referring to each other, all reachable from one root.
fn random_doc(rng: &mut Rng) -> Document {
    let mut doc = Document::new();
    let count = 1 + rng.below(5);
    let ids: Vec<ModelId> = (0..count).map(|i| ModelId(format!("m{i}"))).collect();
    for (i, id) in ids.iter().enumerate() {
        let mut attrs = std::collections::BTreeMap::new();
        for _ in 0..rng.below(5) {
            attrs.insert(rng.name(), rng.value(3, &ids));
        }
        if let Some(next) = ids.get(i + 1) {
            attrs.insert("next".into(), Value::Ref(next.clone()));
        }
        doc.insert_model(Model {
            id: id.clone(),
            type_name: "RokehTestThing".into(),
            attrs,
        })
        .unwrap();
    }
    doc.add_root(doc.lookup(&ids[0]).unwrap());
    doc.take_changes();
    doc
}

/// Objects compare sorted by key, as the JSON holds them.
fn normalized(model: &Model) -> Model {
    fn norm(v: &Value) -> Value {
        match v {
            Value::List(items) => Value::List(items.iter().map(norm).collect()),
            Value::Set(items) => Value::Set(items.iter().map(norm).collect()),
            Value::Map(entries) => {
                Value::Map(entries.iter().map(|(k, v)| (norm(k), norm(v))).collect())
            }
            Value::Object(fields) => {
                let mut fields: Vec<_> = fields.iter().map(|(k, v)| (k.clone(), norm(v))).collect();
                fields.sort_by(|a, b| a.0.cmp(&b.0));
                Value::Object(fields)
            }
            other => other.clone(),
        }
    }
    Model {
        attrs: model
            .attrs
            .iter()
            .map(|(k, v)| (k.clone(), norm(v)))
            .collect(),
        ..model.clone()
    }
}

/// The models by id, leaving out the config a written document gains.
fn models(doc: &Document) -> std::collections::BTreeMap<ModelId, Model> {
    doc.models()
        .filter(|(any, _)| Some(*any) != doc.config())
        .map(|(_, m)| (m.id.clone(), normalized(m)))
        .collect()
}

#[test]
fn random_documents_read_back_equal_in_both_buffer_modes() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for case in 0..300 {
        let doc = random_doc(&mut rng);
        for mode in [BufferMode::Inline, BufferMode::Binary] {
            let out = to_json(&doc, mode);
            // Through text, as it travels.
            let text = serde_json::to_string(&out.json).unwrap();
            let json = serde_json::from_str(&text).unwrap();
            let back = Document::from_json(&json, &out.buffers)
                .unwrap_or_else(|e| panic!("case {case} {mode:?}: {e}\n{text}"));
            assert_eq!(models(&back), models(&doc), "case {case} {mode:?}\n{text}");
        }
    }
}

#[test]
fn random_values_travel_in_patches() {
    let mut rng = Rng(0x5eed_1234_abcd_0002);
    for case in 0..300 {
        let mut sender = random_doc(&mut rng);
        let out = to_json(&sender, BufferMode::Binary);
        let mut receiver = Document::from_json(&out.json, &out.buffers).unwrap();
        let synced = SyncedModels::of(&sender);
        let ids: Vec<ModelId> = sender.models().map(|(_, m)| m.id.clone()).collect();
        let target = sender.lookup(&ids[0]).unwrap();
        let value = rng.value(3, &ids);
        sender
            .acting_as(
                Actor {
                    origin: Origin::Local,
                    run_callbacks: false,
                },
                |d| d.set_attr(target, "changed", value),
            )
            .unwrap();
        let changes = sender.take_changes();
        let patch = changes_to_json(&sender, &changes, &synced, BufferMode::Binary);
        receiver
            .acting_as(
                Actor {
                    origin: Origin::Local,
                    run_callbacks: false,
                },
                |d| apply_json_events(d, &patch.json, &patch.buffers),
            )
            .unwrap_or_else(|e| panic!("case {case}: {e}\n{}", patch.json));
        assert_eq!(
            models(&receiver),
            models(&sender),
            "case {case}\n{}",
            patch.json
        );
    }
}
