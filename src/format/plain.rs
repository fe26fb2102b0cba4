//! A value as plain text, as JavaScript's `String(value)` writes it: what a table's cell
//! or a DataCube's group title shows before any formatter.

use crate::core::Value;

use super::js_number;

/// A value as plain text, as JavaScript's `String(value)` writes it.
pub fn plain(v: &Value) -> String {
    match v {
        Value::Str(s) => s.clone(),
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => js_number(*f),
        Value::List(items) => items.iter().map(plain).collect::<Vec<_>>().join(","),
        other => other.preview(),
    }
}
