//! A HoverTool's tooltip, as BokehJS fills it: which row is under the pointer (the
//! nearest point within reach; along a vertical or horizontal line for `vline`/`hline`)
//! and each template with its fields: `@column`, `@{column name}`, with a `{format}`
//! (numbro's, or strftime's for a field the tool's `formatters` call "datetime"), and the
//! specials `$index`, `$x`, `$y`, `$sx`, `$sy`, `$name`.

use crate::core::{AnyId, Dict, Id, Value};
use crate::document::Document;
use crate::format::{numbro, strftime};
use crate::models::{Figure, GlyphRenderer, HoverMode};

use super::gesture::View;
use super::select::{nearest, rows_in, Region};

/// Where the pointer is and what is under it, for the specials.
#[derive(Clone, Debug, PartialEq)]
pub struct Spot {
    /// The row inspected.
    pub index: usize,
    /// The pointer in data units.
    pub x: f64,
    /// The pointer in data units.
    pub y: f64,
    /// The pointer in CSS pixels of the canvas.
    pub sx: f64,
    /// The pointer in CSS pixels of the canvas.
    pub sy: f64,
    /// The renderer's `name`.
    pub name: Option<String>,
}

/// BokehJS's default for a number with no format: whole numbers as they are, others
/// with three decimals (in exponent form when very large or small).
fn default_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else if v == 0.0 || (1e-3..1e4).contains(&v.abs()) {
        format!("{v:.3}")
    } else {
        format!("{v:.3e}")
    }
}

fn value_text(v: &Value, format: Option<&str>, datetime: bool) -> String {
    match (v.as_f64(), v) {
        (Some(n), _) if datetime => {
            let pattern = format.unwrap_or("%Y-%m-%d %H:%M:%S");
            strftime(crate::core::Datetime(n), pattern)
        }
        (Some(n), _) => match format {
            Some(f) => numbro(n, f),
            None => default_number(n),
        },
        (None, Value::Str(s)) => s.clone(),
        (None, Value::Null) => "NaN".into(),
        (None, other) => format!("{other:?}"),
    }
}

/// `template` filled in for `spot` from `source`'s row, fields formatted by
/// `formatters` (keys `@column`).
pub fn fill(
    doc: &Document,
    source: AnyId,
    template: &str,
    spot: &Spot,
    formatters: &Dict<String>,
) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find(['@', '$']) {
        out.push_str(&rest[..i]);
        let sigil = &rest[i..i + 1];
        let after = &rest[i + 1..];
        // The name: `{…}` or a run of word characters.
        let (name, mut tail) = if let Some(braced) = after.strip_prefix('{') {
            match braced.find('}') {
                Some(end) => (&braced[..end], &braced[end + 1..]),
                None => ("", after),
            }
        } else {
            let end = after
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        if name.is_empty() {
            out.push_str(sigil);
            rest = after;
            continue;
        }
        let mut format = None;
        if let Some(f) = tail.strip_prefix('{') {
            if let Some(end) = f.find('}') {
                format = Some(&f[..end]);
                tail = &f[end + 1..];
            }
        }
        let text = if sigil == "$" {
            match name {
                "index" => spot.index.to_string(),
                "x" => value_text(&Value::Float(spot.x), format, false),
                "y" => value_text(&Value::Float(spot.y), format, false),
                "sx" => value_text(&Value::Float(spot.sx), format, false),
                "sy" => value_text(&Value::Float(spot.sy), format, false),
                "name" => spot.name.clone().unwrap_or_default(),
                _ => format!("${name}"),
            }
        } else {
            let key = format!("@{name}");
            let datetime = formatters
                .0
                .iter()
                .any(|(k, f)| (k == &key || k == &format!("@{{{name}}}")) && f == "datetime");
            let value = column_value(doc, source, name, spot.index);
            value.map_or_else(|| "???".to_owned(), |v| value_text(&v, format, datetime))
        };
        out.push_str(&text);
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Row `row` of column `name`.
fn column_value(doc: &Document, source: AnyId, name: &str, row: usize) -> Option<Value> {
    let source = doc.typed_id::<crate::models::ColumnDataSource>(doc.model_id(source))?;
    match doc.column(source, name)? {
        Value::List(items) => items.get(row).cloned(),
        Value::Array(a) => a.data.get_f64(row).map(Value::Float),
        _ => None,
    }
}

/// What a HoverTool shows: for each renderer it inspects, the row under the pointer.
pub fn inspect(
    doc: &Document,
    figure: Id<Figure>,
    view: &View,
    mode: HoverMode,
    only: &[AnyId],
    at: (f64, f64),
    reach: f64,
) -> Vec<(Id<GlyphRenderer>, usize)> {
    let [l, t, r, b] = view.frame;
    let region = match mode {
        HoverMode::Mouse => Region::Rect {
            x: (at.0 - reach, at.0 + reach),
            y: (at.1 - reach, at.1 + reach),
        },
        HoverMode::VLine => Region::Rect {
            x: (at.0 - reach, at.0 + reach),
            y: (t, b),
        },
        HoverMode::HLine => Region::Rect {
            x: (l, r),
            y: (at.1 - reach, at.1 + reach),
        },
    };
    rows_in(doc, figure, view, &region, only)
        .into_iter()
        .filter_map(|(r, rows)| {
            // Along a line, the nearest along it.
            let towards = match mode {
                HoverMode::VLine => (at.0, view.y.apply(view.y.invert(at.1))),
                _ => at,
            };
            nearest(doc, r, view, towards, &rows).map(|row| (r, row))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::ColumnDataSource;

    #[test]
    fn templates_fill_as_bokehjs_fills_them() {
        let mut doc = Document::new();
        let source = doc.add(ColumnDataSource::new([
            ("y", vec![0.5, 1234.5678]),
            ("t", vec![0.0, 86_400_000.0]),
        ]));
        doc.set_column(source, "name col", vec![7.0, 8.0]).unwrap();
        let spot = Spot {
            index: 1,
            x: 2.0,
            y: 0.25,
            sx: 10.0,
            sy: 20.5,
            name: Some("line".into()),
        };
        let formatters = Dict(vec![("@t".to_owned(), "datetime".to_owned())]);
        let fill = |t: &str| fill(&doc, source.any(), t, &spot, &formatters);
        assert_eq!(fill("@y{0,0.00}"), "1,234.57");
        assert_eq!(fill("@y"), "1234.568");
        assert_eq!(fill("(@{name col}, $index)"), "(8, 1)");
        assert_eq!(fill("$x, $y, $sx $name"), "2, 0.250, 10 line");
        assert_eq!(fill("@t{%Y-%m-%d}"), "1970-01-02");
        assert_eq!(fill("@nothing and $ alone"), "??? and $ alone");
    }
}
