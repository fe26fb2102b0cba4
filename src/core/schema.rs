//! A model type's schema: its properties (name, kind, default) and the checks across them.
//! Hand-written models get theirs from [`model!`](crate::model); every other Bokeh model
//! type has one generated from Python Bokeh.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::{Kind, Value};

/// One property of a model type.
#[derive(Debug)]
pub struct PropDef {
    /// Bokeh's name of the property.
    pub name: &'static str,
    /// The values it accepts. Kind and default are referenced, not held, so that the
    /// tables of every model's properties stay small in the page's wasm.
    pub kind: &'static Kind,
    /// Its value when never set.
    pub default: &'static DefaultValue,
}

/// A property's default, in a form a `static` can hold.
#[derive(Clone, Copy, Debug)]
pub enum DefaultValue {
    /// No default: the property must be given (Bokeh's `Required`).
    Required,
    /// Null.
    Null,
    /// A bool.
    Bool(bool),
    /// An int.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    Str(&'static str),
    /// A list (the generated tables' lists and tuples).
    List(&'static [DefaultValue]),
    /// A map: Bokeh's `{"type": "map"}` (dicts).
    Map(&'static [(DefaultValue, DefaultValue)]),
    /// A set: Bokeh's `{"type": "set"}`.
    Set(&'static [DefaultValue]),
    /// An object, its fields sorted by name (a spec's `{"type": "value", "value": …}`).
    Object(&'static [(&'static str, DefaultValue)]),
    /// A new model of this type (Bokeh's schema of it) for each instance (Bokeh's
    /// `InstanceDefault`): Python always writes such a model out, so a document that
    /// lacks one holds null.
    Instance(&'static Schema),
    /// Computed from a hand definition's Rust expression.
    Computed(fn() -> Value),
}

impl DefaultValue {
    /// The default value; `None` for a required property.
    pub fn value(&self) -> Option<Value> {
        Some(match *self {
            DefaultValue::Required => return None,
            DefaultValue::Null | DefaultValue::Instance(_) => Value::Null,
            DefaultValue::Bool(b) => Value::Bool(b),
            DefaultValue::Int(i) => Value::Int(i),
            DefaultValue::Float(f) => Value::Float(f),
            DefaultValue::Str(s) => Value::str(s),
            DefaultValue::List(items) => Value::List(Self::values(items)),
            DefaultValue::Set(items) => Value::Set(Self::values(items)),
            DefaultValue::Map(entries) => Value::Map(
                entries
                    .iter()
                    .map(|(k, v)| {
                        (
                            k.value().unwrap_or(Value::Null),
                            v.value().unwrap_or(Value::Null),
                        )
                    })
                    .collect(),
            ),
            DefaultValue::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), v.value().unwrap_or(Value::Null)))
                    .collect(),
            ),
            DefaultValue::Computed(f) => f(),
        })
    }

    /// [`DefaultValue::value`], made once per thread and then lent: a renderer reads
    /// hundreds of properties left at their defaults per paint, and making each (a
    /// string, a list, a hand definition's Rust expression) cost more than the read. A
    /// default is a value, as in Bokeh's schemas: a hand definition's expression is
    /// evaluated once.
    pub fn shared(&'static self) -> Option<Cow<'static, Value>> {
        match self {
            DefaultValue::Str(_)
            | DefaultValue::List(_)
            | DefaultValue::Set(_)
            | DefaultValue::Map(_)
            | DefaultValue::Object(_)
            | DefaultValue::Computed(_) => {}
            _ => return self.value().map(Cow::Owned),
        }
        thread_local! {
            // Each default once: a few thousand at most, kept for the thread's life.
            static MADE: RefCell<HashMap<usize, &'static Value, BuildHasherDefault<ByAddress>>> =
                RefCell::default();
        }
        let key = std::ptr::from_ref(self) as usize;
        if let Some(made) = MADE.with_borrow(|m| m.get(&key).copied()) {
            return Some(Cow::Borrowed(made));
        }
        let made: &'static Value = Box::leak(Box::new(self.value()?));
        MADE.with_borrow_mut(|m| m.insert(key, made));
        Some(Cow::Borrowed(made))
    }

    fn values(items: &[DefaultValue]) -> Vec<Value> {
        items
            .iter()
            .map(|v| v.value().unwrap_or(Value::Null))
            .collect()
    }
}

/// Hashes an address (a static's, distinct and aligned) with one multiplication: the
/// defaults' memo is read hundreds of times per paint, and SipHash showed in its profile.
#[derive(Default)]
struct ByAddress(u64);

impl Hasher for ByAddress {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }

    fn write_usize(&mut self, address: usize) {
        // Fibonacci hashing, its high half folded into the low bits (an address's lowest
        // bits are zero, and the table picks buckets by the low bits).
        let h = (address as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 32);
    }
}

/// A check across properties (a slider's value within start..end). It reads the model's
/// current properties through `get` and sees the proposed value of `attr`.
pub type DomainCheck =
    fn(get: &dyn Fn(&str) -> Value, attr: &str, new: &Value) -> Result<(), String>;

/// How a type's columns come from another of its properties, as BokehJS computes a
/// GeoJSONDataSource's columns from its `geojson`: that property's name, and the columns
/// (a map of name to column) its value describes. The document keeps them beside the
/// model, made again whenever that property is written, and reads them as it reads a
/// ColumnDataSource's `data`; they are never sent.
pub type DerivedColumns = (&'static str, fn(&Value) -> Value);

/// The properties of one model type.
#[derive(Debug)]
pub struct Schema {
    /// The Bokeh type name ("Slider").
    pub name: &'static str,
    /// The schemas whose properties this type also has, nearest first (Bokeh's method
    /// resolution order): a generated schema lists its base classes; a hand-written one
    /// lists none, the registry pairs it with Bokeh's schema of the same name.
    pub bases: &'static [&'static Schema],
    /// The properties this schema defines or whose default it overrides.
    pub props: &'static [PropDef],
    /// A check across properties, run on every write (hand-written schemas only).
    pub check: Option<DomainCheck>,
    /// Columns derived from a property (hand-written schemas only).
    pub columns: Option<DerivedColumns>,
    /// A hand-written schema's Bokeh schema of the same type (of `Model` for a type
    /// Bokeh lacks), found when it compiles: a document learns a type whole from its Rust
    /// type, so a page links only the schemas of the types it makes. `None` in Bokeh's
    /// own schemas.
    pub bokeh: Option<&'static Schema>,
}

impl Schema {
    /// The property `name`, from this schema or the nearest base that has it.
    pub fn prop(&self, name: &str) -> Option<&'static PropDef> {
        // A figure's read looks up hundreds of names in lists of a hundred: the length and
        // the last byte (names share their prefixes) rule out most before their bytes are
        // compared.
        let last = name.as_bytes().last().copied();
        let is = |p: &&PropDef| {
            p.name.len() == name.len()
                && p.name.as_bytes().last().copied() == last
                && p.name == name
        };
        // Statics all the way down: the borrow is 'static.
        let own = |s: &'static Schema| s.props.iter().find(is);
        let this: &'static [PropDef] = self.props;
        this.iter()
            .find(is)
            .or_else(|| self.bases.iter().find_map(|base| own(base)))
    }

    /// Whether this type is `base` or derives from it.
    pub fn is_a(&self, base: &str) -> bool {
        self.name == base || self.bases.iter().any(|b| b.name == base)
    }

    /// Every property name of the type, each once.
    pub fn prop_names(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Vec::new();
        let this: &'static [PropDef] = self.props;
        let all = this
            .iter()
            .chain(self.bases.iter().flat_map(|b| b.props.iter()));
        for p in all {
            if !names.contains(&p.name) {
                names.push(p.name);
            }
        }
        names
    }
}

/// Whether two type names are the same, when it compiles: the tables of types are read by
/// name in constants (a view's builder, a model's Bokeh schema).
pub const fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
