//! Model ids as Bokeh spells them, and the typed handles app code holds.

use std::fmt;
use std::marker::PhantomData;

/// A model's id in the document and on the wire ("p1001"; foreign ids are any string).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ModelId(pub String);

impl ModelId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ModelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for ModelId {
    fn from(s: &str) -> ModelId {
        ModelId(s.to_owned())
    }
}

/// A handle to some model of a document: its slot, stable for the model's life, and the
/// slot's generation when the model came in (a slot a model left takes another in a new
/// generation: the old handle names nothing after).
/// `Copy` and borrow-free, so callbacks capture handles, never the document. Both in one
/// `u64` (the generation above the slot): one value to pass, compare and hash, as the
/// slot alone was (as two fields, the static sliders page's wasm was 5.5 kB larger
/// gzip'd than with the slot alone; as one, 3.0 kB).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnyId(u64);

impl AnyId {
    pub(crate) fn new(slot: u32, generation: u32) -> AnyId {
        AnyId(u64::from(generation) << 32 | u64::from(slot))
    }

    pub(crate) fn slot(self) -> u32 {
        self.0 as u32
    }

    pub(crate) fn generation(self) -> u32 {
        (self.0 >> 32) as u32
    }
}

/// A handle to a model of type `M`: `doc.get(freq, Slider::VALUE)` is then an `f64`.
pub struct Id<M> {
    pub(crate) any: AnyId,
    _model: PhantomData<fn() -> M>,
}

impl<M> Id<M> {
    pub(crate) fn new(any: AnyId) -> Id<M> {
        Id {
            any,
            _model: PhantomData,
        }
    }

    /// The untyped handle of the same model: what layouts' children, roots and the
    /// by-name methods (`get_attr`, `set_attr`) take.
    pub fn any(self) -> AnyId {
        self.any
    }
}

// Written out because derives would demand `M: Clone` etc. of the marker type.
impl<M> Clone for Id<M> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<M> Copy for Id<M> {}
impl<M> PartialEq for Id<M> {
    fn eq(&self, other: &Self) -> bool {
        self.any == other.any
    }
}
impl<M> Eq for Id<M> {}
impl<M> std::hash::Hash for Id<M> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.any.hash(state)
    }
}
impl<M> fmt::Debug for Id<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({})", self.any.slot())
    }
}
impl<M> From<Id<M>> for AnyId {
    fn from(id: Id<M>) -> AnyId {
        id.any
    }
}
