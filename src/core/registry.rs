//! The model types a document knows, by Bokeh type name: the schemas written by hand with
//! [`model!`](crate::model) (Rust types, checks, what rokeh draws), each over Bokeh's own
//! schema of that type (every property, generated from Python Bokeh), so every Bokeh model
//! is validated, whether rokeh defines it by hand or not.
//!
//! The registry is handed to a document when it is made (`Document::with_registry`); the
//! `models` layer assembles the standard one. A document also learns the types added to
//! it that its registry lacks: each hand-written schema names its Bokeh schema (paired
//! when it compiles), so [`Registry::EMPTY`] is enough for a document built only by app
//! code. A type nobody defines is kept verbatim: any attribute, any value.

use super::{DomainCheck, PropDef, Schema};

/// The model types a document knows, by Bokeh type name: rokeh's hand-written schemas,
/// each over Bokeh's own schema of that type. `Document::new` uses the standard one
/// (`rokeh::models::registry()`).
pub struct Registry {
    /// Sorted by name.
    hand: Vec<&'static Schema>,
    /// Bokeh's schemas, sorted by name.
    bokeh: &'static [&'static Schema],
}

/// What the registry knows of one type.
#[derive(Clone, Copy, Debug)]
pub struct TypeSchema {
    /// The schema written with [`model!`](crate::model), by rokeh or app code.
    pub hand: Option<&'static Schema>,
    /// Bokeh's schema of the type, with its base classes.
    pub bokeh: Option<&'static Schema>,
}

impl Registry {
    /// A registry of no types: a document made with it knows only the types added to it
    /// ([`Document::lean`](crate::Document::lean)).
    pub const EMPTY: Registry = Registry {
        hand: Vec::new(),
        bokeh: &[],
    };

    /// `hand` schemas over Bokeh's (`bokeh` sorted by name, as the generated table is).
    pub fn new(
        hand: impl IntoIterator<Item = &'static Schema>,
        bokeh: &'static [&'static Schema],
    ) -> Registry {
        debug_assert!(bokeh.windows(2).all(|w| w[0].name < w[1].name));
        let mut hand: Vec<&'static Schema> = hand.into_iter().collect();
        hand.sort_by_key(|s| s.name);
        hand.dedup_by_key(|s| s.name);
        Registry { hand, bokeh }
    }

    /// The schemas of `type_name`; `None` when neither rokeh nor Bokeh defines it.
    pub fn get(&self, type_name: &str) -> Option<TypeSchema> {
        let find = |list: &[&'static Schema]| {
            list.binary_search_by(|s| s.name.cmp(type_name))
                .ok()
                .map(|at| list[at])
        };
        let schema = TypeSchema {
            hand: find(&self.hand),
            bokeh: find(self.bokeh),
        };
        (schema.hand.is_some() || schema.bokeh.is_some()).then_some(schema)
    }

    /// Every type rokeh defines by hand.
    pub fn hand_written(&self) -> &[&'static Schema] {
        &self.hand
    }

    /// Every Bokeh type.
    pub fn bokeh(&self) -> &'static [&'static Schema] {
        self.bokeh
    }
}

impl TypeSchema {
    /// A hand-written type, over the Bokeh schema it names.
    pub fn of(hand: &'static Schema) -> TypeSchema {
        TypeSchema {
            hand: Some(hand),
            bokeh: hand.bokeh,
        }
    }

    /// The type's Bokeh name.
    pub fn name(&self) -> &'static str {
        self.hand.or(self.bokeh).map_or("", |s| s.name)
    }

    /// Property `name`: the hand-written definition when there is one, else Bokeh's.
    pub fn prop(&self, name: &str) -> Option<&'static PropDef> {
        self.hand
            .and_then(|s| s.prop(name))
            .or_else(|| self.bokeh.and_then(|s| s.prop(name)))
    }

    /// The hand-written check across properties, if there is one.
    pub fn check(&self) -> Option<DomainCheck> {
        self.hand.and_then(|s| s.check)
    }

    /// Whether the type is `base` or one of its subtypes; every type is a "Model".
    pub fn is_a(&self, base: &str) -> bool {
        base == "Model"
            || self.hand.is_some_and(|s| s.is_a(base))
            || self.bokeh.is_some_and(|s| s.is_a(base))
    }
}
