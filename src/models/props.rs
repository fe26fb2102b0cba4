//! Bokeh's property types that take more than one shape of value: a dash pattern (a name,
//! a string of numbers or a list), text or a text model, "auto" or a value, a factor (a
//! string or a tuple of them), a label orientation (a name or an angle).

use crate::core::{AnyId, Ids, Kind, PropType, Value};

/// Bokeh's `DashPattern`: on/off lengths in pixels; empty is a solid line. Read from a
/// name ("dashed"), a string of numbers ("4 2") or a list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DashPattern(pub Vec<f64>);

impl DashPattern {
    /// A solid line (no dashes).
    pub const SOLID: DashPattern = DashPattern(Vec::new());

    /// Bokeh's named patterns as Python turns them into lengths
    /// (`bokeh.core.property.visual.DashPattern`), or a string of numbers.
    pub fn parse(text: &str) -> Option<DashPattern> {
        let named: &[f64] = match text {
            "dashed" => &[6.0],
            "dotted" => &[2.0, 4.0],
            _ => return DashPattern::resolve(text),
        };
        Some(DashPattern(named.to_vec()))
    }

    /// A pattern that reaches the page as a string (a spec's value or column: Python
    /// keeps those as names), as BokehJS resolves it: its own, shorter lengths for
    /// "dashed" (3 2) and "dotted" (2 1), or a string of numbers.
    pub fn resolve(text: &str) -> Option<DashPattern> {
        let named: &[f64] = match text {
            "solid" => &[],
            "dashed" => &[3.0, 2.0],
            "dotted" => &[2.0, 1.0],
            "dotdash" => &[2.0, 4.0, 6.0, 4.0],
            "dashdot" => &[6.0, 4.0, 2.0, 4.0],
            _ => {
                return text
                    .split_whitespace()
                    .map(|n| n.parse::<f64>().ok().filter(|n| *n >= 0.0))
                    .collect::<Option<Vec<f64>>>()
                    .map(DashPattern)
            }
        };
        Some(DashPattern(named.to_vec()))
    }
}

impl From<&str> for DashPattern {
    /// A name or numbers; anything else is solid (Bokeh's kind refuses it on `set`).
    fn from(text: &str) -> DashPattern {
        DashPattern::parse(text).unwrap_or_default()
    }
}

impl From<Vec<f64>> for DashPattern {
    fn from(lengths: Vec<f64>) -> DashPattern {
        DashPattern(lengths)
    }
}

impl PropType for DashPattern {
    const KIND: Kind = Kind::Either(&[Kind::String, Kind::List(&Kind::Number)]);
    fn to_value(self, _: &dyn Ids) -> Value {
        let int = |n: f64| {
            if n.fract() == 0.0 && n.abs() < 1e15 {
                Value::Int(n as i64)
            } else {
                Value::Float(n)
            }
        };
        Value::List(self.0.into_iter().map(int).collect())
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<DashPattern> {
        match v {
            Value::Str(s) => DashPattern::resolve(s),
            Value::List(items) => items
                .iter()
                .map(Value::as_f64)
                .collect::<Option<Vec<f64>>>()
                .map(DashPattern),
            Value::Array(a) => (0..a.len())
                .map(|i| a.data.get_f64(i))
                .collect::<Option<Vec<f64>>>()
                .map(DashPattern),
            _ => None,
        }
    }
}

/// Bokeh's `TextLike`: a string, or a text model (TeX, MathML, PlainText) by reference.
#[derive(Clone, Debug, PartialEq)]
pub enum TextLike {
    /// A plain string.
    Plain(String),
    /// A text model (TeX, MathML, PlainText), by reference.
    Model(AnyId),
}

impl Default for TextLike {
    fn default() -> TextLike {
        TextLike::Plain(String::new())
    }
}

impl From<&str> for TextLike {
    fn from(text: &str) -> TextLike {
        TextLike::Plain(text.to_owned())
    }
}

impl From<String> for TextLike {
    fn from(text: String) -> TextLike {
        TextLike::Plain(text)
    }
}

impl TextLike {
    /// The plain text, if it is plain text.
    pub fn as_plain(&self) -> Option<&str> {
        match self {
            TextLike::Plain(s) => Some(s),
            TextLike::Model(_) => None,
        }
    }
}

impl PropType for TextLike {
    const KIND: Kind = Kind::Either(&[Kind::String, Kind::Instance("BaseText")]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            TextLike::Plain(s) => Value::Str(s),
            TextLike::Model(m) => m.to_value(ids),
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<TextLike> {
        match v {
            Value::Str(s) => Some(TextLike::Plain(s.clone())),
            v => AnyId::from_value(v, ids).map(TextLike::Model),
        }
    }
}

/// `"auto"` or a value (Bokeh's `Either(Auto, T)`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AutoOr<T> {
    /// Bokeh's `"auto"`: the value is chosen from context.
    Auto,
    /// This value.
    Value(T),
}

impl<T: PropType> PropType for AutoOr<T> {
    const KIND: Kind = Kind::Either(&[Kind::Enum(&["auto"]), T::KIND]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            AutoOr::Auto => Value::str("auto"),
            AutoOr::Value(v) => v.to_value(ids),
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<AutoOr<T>> {
        match v.as_str() {
            Some("auto") => Some(AutoOr::Auto),
            _ => T::from_value(v, ids).map(AutoOr::Value),
        }
    }
}

/// A category of a FactorRange: a factor, or a factor within one or two levels of groups
/// (Bokeh's nested factors: `("fruit", "apple")`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Factor(pub Vec<String>);

impl From<&str> for Factor {
    fn from(name: &str) -> Factor {
        Factor(vec![name.to_owned()])
    }
}

impl From<String> for Factor {
    fn from(name: String) -> Factor {
        Factor(vec![name])
    }
}

impl From<(&str, &str)> for Factor {
    fn from((group, name): (&str, &str)) -> Factor {
        Factor(vec![group.to_owned(), name.to_owned()])
    }
}

impl From<(&str, &str, &str)> for Factor {
    fn from((group, subgroup, name): (&str, &str, &str)) -> Factor {
        Factor(vec![group.to_owned(), subgroup.to_owned(), name.to_owned()])
    }
}

impl PropType for Factor {
    const KIND: Kind = Kind::Either(&[
        Kind::String,
        Kind::Tuple(&[Kind::String, Kind::String]),
        Kind::Tuple(&[Kind::String, Kind::String, Kind::String]),
    ]);
    fn to_value(self, _: &dyn Ids) -> Value {
        match <[String; 1]>::try_from(self.0) {
            Ok([one]) => Value::Str(one),
            Err(levels) => Value::List(levels.into_iter().map(Value::Str).collect()),
        }
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<Factor> {
        match v {
            Value::Str(s) => Some(Factor(vec![s.clone()])),
            Value::List(items) if (2..=3).contains(&items.len()) => items
                .iter()
                .map(|i| i.as_str().map(str::to_owned))
                .collect::<Option<Vec<String>>>()
                .map(Factor),
            _ => None,
        }
    }
}

/// How an axis turns its labels: a name, or an angle in radians.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LabelOrientation {
    /// Labels upright.
    Horizontal,
    /// Labels turned a quarter turn.
    Vertical,
    /// Labels along the axis.
    Parallel,
    /// Labels across the axis.
    Normal,
    /// Labels turned by this angle, in radians.
    Angle(f64),
}

const LABEL_ORIENTATIONS: &[&str] = &["horizontal", "vertical", "parallel", "normal"];

impl PropType for LabelOrientation {
    const KIND: Kind = Kind::Either(&[Kind::Enum(LABEL_ORIENTATIONS), Kind::Number]);
    fn to_value(self, _: &dyn Ids) -> Value {
        match self {
            LabelOrientation::Horizontal => Value::str("horizontal"),
            LabelOrientation::Vertical => Value::str("vertical"),
            LabelOrientation::Parallel => Value::str("parallel"),
            LabelOrientation::Normal => Value::str("normal"),
            LabelOrientation::Angle(a) => Value::Float(a),
        }
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<LabelOrientation> {
        match v {
            Value::Str(s) => match s.as_str() {
                "horizontal" => Some(LabelOrientation::Horizontal),
                "vertical" => Some(LabelOrientation::Vertical),
                "parallel" => Some(LabelOrientation::Parallel),
                "normal" => Some(LabelOrientation::Normal),
                _ => None,
            },
            v => v.as_f64().map(LabelOrientation::Angle),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::NoIds;

    #[test]
    fn dash_patterns_by_name_numbers_and_list() {
        assert_eq!(DashPattern::parse("dashed"), Some(DashPattern(vec![6.0])));
        assert_eq!(DashPattern::parse("4 2"), Some(DashPattern(vec![4.0, 2.0])));
        assert_eq!(DashPattern::parse("solid"), Some(DashPattern::SOLID));
        assert_eq!(DashPattern::parse("wavy"), None);
        let list = Value::List(vec![Value::Int(3), Value::Int(1)]);
        assert_eq!(
            DashPattern::from_value(&list, &NoIds),
            Some(DashPattern(vec![3.0, 1.0]))
        );
        assert_eq!(DashPattern(vec![3.0, 1.0]).to_value(&NoIds), list);
    }

    #[test]
    fn a_name_read_from_a_document_is_resolved_as_bokehjs_does_one_from_rust_as_python() {
        // Python keeps a spec's `line_dash="dotted"` as the name; BokehJS draws it 2 on, 1
        // off. Python turns a plain property's name into its own lengths (2 4).
        let read = |name: &str| DashPattern::from_value(&Value::str(name), &NoIds);
        assert_eq!(read("dotted"), Some(DashPattern(vec![2.0, 1.0])));
        assert_eq!(read("dashed"), Some(DashPattern(vec![3.0, 2.0])));
        assert_eq!(read("dotdash"), Some(DashPattern(vec![2.0, 4.0, 6.0, 4.0])));
        assert_eq!(DashPattern::from("dotted"), DashPattern(vec![2.0, 4.0]));
        assert_eq!(DashPattern::from("dotdash"), read("dotdash").unwrap());
    }

    #[test]
    fn factors_are_strings_or_tuples() {
        let nested = Factor::from(("fruit", "apple"));
        let v = nested.clone().to_value(&NoIds);
        assert_eq!(Factor::from_value(&v, &NoIds), Some(nested));
        assert_eq!(Factor::from("a").to_value(&NoIds), Value::str("a"));
    }
}
