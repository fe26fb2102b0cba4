//! What values a property accepts: Bokeh's property types (`Nullable(Float)`,
//! `Either(Auto, Instance(Glyph))`, `NumberSpec`, …) written as data, so that one checker
//! serves the models rokeh defines by hand and every other Bokeh model alike.
//!
//! A kind is `Copy` and `'static`: its parts are references to other kinds, so the tables
//! generated from Bokeh and the kinds derived from Rust types are plain constants.

use super::{ModelId, Rgba, Value};

/// The values a property accepts.
///
/// A [`model!`](crate::model) property's kind comes from its Rust type
/// ([`PropType::KIND`](super::PropType::KIND)); the kinds of every other Bokeh property are
/// generated from Python Bokeh. The document checks each value it stores against both.
///
/// ```
/// use rokeh::core::{AnyRefs, Kind, PropType, Value};
///
/// assert_eq!(<Option<f64> as PropType>::KIND, Kind::Nullable(&Kind::Number));
///
/// // Bokeh's Alpha: a number in 0..=1.
/// let alpha = Kind::Between(0.0, 1.0);
/// assert!(alpha.accepts(&Value::Float(0.5), &AnyRefs));
/// assert!(!alpha.accepts(&Value::Float(1.5), &AnyRefs));
/// assert!(!alpha.accepts(&Value::str("half"), &AnyRefs));
/// assert_eq!(alpha.describe(), "a number in 0..=1");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// Anything (Bokeh's `Any`, and the few property types rokeh does not model).
    Any,
    /// Only null: one arm of an `Either`.
    Null,
    /// `true` or `false`.
    Bool,
    /// An integer.
    Int,
    /// An integer or a float (NaN and ±inf included, as Bokeh's `Float`).
    Number,
    /// A number within `lo..=hi` (Bokeh's `Alpha`, `Percent`, `Interval`).
    Between(f64, f64),
    /// A value of the inner kind that is not negative (a number; Bokeh's `NonNegative`).
    NonNegative(&'static Kind),
    /// A value of the inner kind above zero (Bokeh's `Positive`).
    Positive(&'static Kind),
    /// Any string.
    String,
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// A CSS color string (named, `#rgb[a]`, `#rrggbb[aa]`, `rgb[a](…)`, `hsl[a](…)`) or an
    /// `[r, g, b]` / `[r, g, b, alpha]` list.
    Color,
    /// Raw bytes (Bokeh's `Bytes`).
    Bytes,
    /// Null or the inner kind.
    Nullable(&'static Kind),
    /// Any of these kinds.
    Either(&'static [Kind]),
    /// A list whose items are of the inner kind (a typed array of numbers also does).
    List(&'static Kind),
    /// A set (or a list) whose items are of the inner kind.
    Set(&'static Kind),
    /// A list of exactly these kinds, in order.
    Tuple(&'static [Kind]),
    /// A dict: keys of the first kind, values of the second.
    Dict(&'static Kind, &'static Kind),
    /// A dict with these fields.
    Struct(&'static [Field]),
    /// A reference to a model of this Bokeh type or a subtype (`"Model"`: any model).
    Instance(&'static str),
    /// Bokeh's data specs: a value of the inner kind, or a `field` / `value` / `expr`
    /// object (with an optional `transform` and `units`).
    Spec(&'static Kind),
    /// A ColumnDataSource's `data`: column names to arrays or lists.
    ColumnData,
}

/// One field of a [`Kind::Struct`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Field {
    /// The key the field has in the dict.
    pub name: &'static str,
    /// The values the field accepts.
    pub kind: Kind,
    /// Whether the field may be left out.
    pub optional: bool,
}

/// What a kind check needs to know about the models a value refers to.
pub trait RefTypes {
    /// Whether model `id` is a `base` (its type or one of its Bokeh base types). An id the
    /// document does not have counts as one: dangling references are refused elsewhere,
    /// with their own message.
    fn is_instance(&self, id: &ModelId, base: &str) -> bool;
}

/// Accepts every reference: for checks made without a document.
pub struct AnyRefs;

impl RefTypes for AnyRefs {
    fn is_instance(&self, _: &ModelId, _: &str) -> bool {
        true
    }
}

impl Kind {
    /// Whether `v` is a value of this kind.
    pub fn accepts(&self, v: &Value, refs: &dyn RefTypes) -> bool {
        match (*self, v) {
            (Kind::Any, _) => true,
            (Kind::Null, Value::Null) => true,
            (Kind::Bool, Value::Bool(_)) => true,
            (Kind::Int, Value::Int(_)) => true,
            (Kind::Number, Value::Int(_) | Value::Float(_)) => true,
            (Kind::Between(lo, hi), v) => v.as_f64().is_some_and(|x| x >= lo && x <= hi),
            (Kind::NonNegative(inner), v) => {
                inner.accepts(v, refs) && v.as_f64().is_none_or(|x| x >= 0.0)
            }
            (Kind::Positive(inner), v) => {
                inner.accepts(v, refs) && v.as_f64().is_none_or(|x| x > 0.0)
            }
            (Kind::String, Value::Str(_)) => true,
            (Kind::Enum(names), Value::Str(s)) => names.contains(&s.as_str()),
            (Kind::Color, v) => is_color(v),
            (Kind::Bytes, Value::Bytes(_)) => true,
            (Kind::Nullable(_), Value::Null) => true,
            (Kind::Nullable(inner), v) => inner.accepts(v, refs),
            (Kind::Either(kinds), v) => kinds.iter().any(|k| k.accepts(v, refs)),
            (Kind::List(item), Value::List(items)) => items.iter().all(|i| item.accepts(i, refs)),
            (Kind::List(item), Value::Array(array)) => {
                array.shape.len() <= 1 && item.accepts(&array.sample(), refs)
            }
            (Kind::Set(item), Value::Set(items) | Value::List(items)) => {
                items.iter().all(|i| item.accepts(i, refs))
            }
            (Kind::Tuple(kinds), Value::List(items)) => {
                kinds.len() == items.len()
                    && kinds.iter().zip(items).all(|(k, i)| k.accepts(i, refs))
            }
            (Kind::Dict(keys, values), Value::Map(entries)) => entries
                .iter()
                .all(|(k, v)| keys.accepts(k, refs) && values.accepts(v, refs)),
            (Kind::Dict(keys, values), Value::Object(fields)) => {
                keys.accepts(&Value::str(""), refs)
                    && fields.iter().all(|(_, v)| values.accepts(v, refs))
            }
            (Kind::Struct(fields), v) => struct_accepts(fields, v, refs),
            (Kind::Instance(base), Value::Ref(id)) => refs.is_instance(id, base),
            (Kind::Spec(value), v) => value.accepts(v, refs) || spec_accepts(value, v, refs),
            (Kind::ColumnData, v) => column_data(v).is_some_and(|mut columns| {
                columns.all(|(name, col)| {
                    name.is_some() && matches!(col, Value::Array(_) | Value::List(_))
                })
            }),
            _ => false,
        }
    }

    /// A reader's description: "a number", "null or one of \"left\", \"right\"".
    pub fn describe(&self) -> String {
        match *self {
            Kind::Any => "any value".into(),
            Kind::Null => "null".into(),
            Kind::Bool => "a bool".into(),
            Kind::Int => "an int".into(),
            Kind::Number => "a number".into(),
            Kind::Between(lo, hi) => format!("a number in {lo}..={hi}"),
            Kind::NonNegative(inner) => format!("{} that is not negative", inner.describe()),
            Kind::Positive(inner) => format!("{} above zero", inner.describe()),
            Kind::String => "a string".into(),
            Kind::Enum(names) => {
                let names: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
                format!("one of {}", names.join(", "))
            }
            Kind::Color => "a color".into(),
            Kind::Bytes => "bytes".into(),
            Kind::Nullable(inner) => format!("null or {}", inner.describe()),
            Kind::Either(kinds) => {
                let arms: Vec<String> = kinds.iter().map(Kind::describe).collect();
                arms.join(" or ")
            }
            Kind::List(item) => format!("a list of ({})", item.describe()),
            Kind::Set(item) => format!("a set of ({})", item.describe()),
            Kind::Tuple(kinds) => {
                let items: Vec<String> = kinds.iter().map(Kind::describe).collect();
                format!("a list of [{}]", items.join(", "))
            }
            Kind::Dict(_, values) => format!("a dict of ({})", values.describe()),
            Kind::Struct(fields) => {
                let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
                format!("a dict with fields {}", names.join(", "))
            }
            Kind::Instance("Model") => "a model reference".into(),
            Kind::Instance(base) => format!("a reference to a {base}"),
            Kind::Spec(value) => format!("{} or a field/value spec", value.describe()),
            Kind::ColumnData => "a map of column names to arrays or lists".into(),
        }
    }
}

fn is_color(v: &Value) -> bool {
    match v {
        Value::Str(s) => Rgba::parse_bokeh(s).is_some(),
        Value::List(items) if items.len() == 3 || items.len() == 4 => {
            let byte = |v: &Value| v.as_i64().is_some_and(|b| (0..=255).contains(&b));
            items[..3].iter().all(byte)
                && items
                    .get(3)
                    .is_none_or(|a| a.as_f64().is_some_and(|a| (0.0..=1.0).contains(&a)))
        }
        _ => false,
    }
}

/// A dict's entries, each named when its key is a string.
type Entries<'v> = Box<dyn Iterator<Item = (Option<&'v str>, &'v Value)> + 'v>;

/// The entries of a dict value (a map, or a plain object).
fn column_data(v: &Value) -> Option<Entries<'_>> {
    match v {
        Value::Map(entries) => Some(Box::new(entries.iter().map(|(k, v)| (k.as_str(), v)))),
        Value::Object(fields) => Some(Box::new(fields.iter().map(|(k, v)| (Some(k.as_str()), v)))),
        _ => None,
    }
}

fn struct_accepts(fields: &[Field], v: &Value, refs: &dyn RefTypes) -> bool {
    let Some(entries) = column_data(v) else {
        return false;
    };
    let mut seen = 0;
    for (name, value) in entries {
        let Some(field) = name.and_then(|n| fields.iter().find(|f| f.name == n)) else {
            return false;
        };
        if !field.kind.accepts(value, refs) {
            return false;
        }
        seen += usize::from(!field.optional);
    }
    seen == fields.iter().filter(|f| !f.optional).count()
}

/// `{"type": "field" | "value" | "expr", …}` with the spec's optional extras.
fn spec_accepts(value: &Kind, v: &Value, refs: &dyn RefTypes) -> bool {
    let Value::Object(fields) = v else {
        return false;
    };
    let core_ok = match v.object_type() {
        Some("field") => v
            .object_field("field")
            .is_some_and(|f| f.as_str().is_some()),
        // A number spec's value may be a factor, as its fields' columns may: BokehJS maps
        // it through a categorical scale (`hbar(y=value("Furniture"))`).
        Some("value") => v
            .object_field("value")
            .is_some_and(|x| value.accepts(x, refs) || (*value == Kind::Number && is_factor(x))),
        Some("expr") => v
            .object_field("expr")
            .is_some_and(|e| matches!(e, Value::Ref(_))),
        _ => false,
    };
    core_ok
        && fields.iter().all(|(k, x)| match k.as_str() {
            "type" | "field" | "value" | "expr" => true,
            "transform" => matches!(x, Value::Ref(_)),
            "units" => x.as_str().is_some(),
            _ => false,
        })
}

/// A factor of a `FactorRange`: a string, or a list of two or three (nested factors).
fn is_factor(v: &Value) -> bool {
    match v {
        Value::Str(_) => true,
        Value::List(parts) => {
            (2..=3).contains(&parts.len()) && parts.iter().all(|p| matches!(p, Value::Str(_)))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALIGN: Kind = Kind::Either(&[
        Kind::Enum(&["auto"]),
        Kind::Enum(&["start", "end"]),
        Kind::Tuple(&[Kind::Enum(&["start", "end"]), Kind::Enum(&["start", "end"])]),
    ]);

    #[test]
    fn nested_kinds_check_each_part() {
        let refs = AnyRefs;
        assert!(ALIGN.accepts(&Value::str("auto"), &refs));
        let pair = Value::List(vec![Value::str("start"), Value::str("end")]);
        assert!(ALIGN.accepts(&pair, &refs));
        let bad = Value::List(vec![Value::str("start"), Value::Int(1)]);
        assert!(!ALIGN.accepts(&bad, &refs));
        assert!(!ALIGN.accepts(&Value::str("middle"), &refs));
    }

    #[test]
    fn numbers_ints_and_intervals() {
        let refs = AnyRefs;
        assert!(Kind::Number.accepts(&Value::Int(3), &refs));
        assert!(!Kind::Int.accepts(&Value::Float(3.0), &refs));
        assert!(Kind::Between(0.0, 1.0).accepts(&Value::Float(0.5), &refs));
        assert!(!Kind::Between(0.0, 1.0).accepts(&Value::Float(1.5), &refs));
        let size = Kind::NonNegative(&Kind::Int);
        assert!(size.accepts(&Value::Int(0), &refs));
        assert!(!size.accepts(&Value::Int(-1), &refs));
        assert!(!size.accepts(&Value::str("1"), &refs));
    }

    #[test]
    fn specs_take_values_fields_and_nothing_else() {
        let refs = AnyRefs;
        let spec = Kind::Spec(&Kind::Number);
        assert!(spec.accepts(&Value::Float(2.0), &refs));
        assert!(spec.accepts(&Value::field("x"), &refs));
        assert!(spec.accepts(&Value::value_spec(Value::Int(3)), &refs));
        assert!(!spec.accepts(&Value::str("x"), &refs));
        // A factor, plain or nested, as a coordinate's value.
        assert!(spec.accepts(&Value::value_spec(Value::str("Furniture")), &refs));
        let nested = Value::List(vec![Value::str("2026"), Value::str("Q1")]);
        assert!(spec.accepts(&Value::value_spec(nested), &refs));
        assert!(!spec.accepts(&Value::value_spec(Value::Bool(true)), &refs));
        let distance = Kind::Spec(&Kind::NonNegative(&Kind::Number));
        assert!(!distance.accepts(&Value::value_spec(Value::str("a")), &refs));
    }

    #[test]
    fn colors_are_bokehs_css_colors_or_rgb_lists() {
        let refs = AnyRefs;
        for ok in [
            "red",
            "#1f77b4",
            "#abc",
            "rgba(1, 2, 3, 0.5)",
            "RebeccaPurple",
        ] {
            assert!(Kind::Color.accepts(&Value::str(ok), &refs), "{ok}");
        }
        // What CSS takes but Python's Bokeh refuses, as well as what neither takes.
        for refused in ["reddish", "hsl(120, 50%, 50%)", "transparent"] {
            assert!(
                !Kind::Color.accepts(&Value::str(refused), &refs),
                "{refused}"
            );
        }
        let rgb = Value::List(vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
        assert!(Kind::Color.accepts(&rgb, &refs));
    }

    #[test]
    fn descriptions_read_as_english() {
        assert_eq!(
            Kind::Nullable(&Kind::Enum(&["a", "b"])).describe(),
            "null or one of \"a\", \"b\""
        );
        assert_eq!(Kind::Instance("Title").describe(), "a reference to a Title");
    }
}
