//! A HoverTool's tooltip, as BokehJS fills it: which row is under the pointer (the
//! nearest point within reach; along a vertical or horizontal line for `vline`/`hline`;
//! for a `Line`, the segment under the pointer and the row its `line_policy` picks), where
//! the tooltip points (`point_policy`, or the line policy's point), and each template
//! with its fields: `@column`, `@{column name}`, with a `{format}` (numbro's, or
//! printf's or strftime's for a field the tool's `formatters` call "printf" or
//! "datetime"), and the specials `$index`, `$x`, `$y`, `$sx`, `$sy`, `$snap_x`, `$snap_y`,
//! `$snap_sx`, `$snap_sy`, `$name`; or a tooltip made of Bokeh's DOM models
//! ([`dom_html`]).

use crate::core::{AnyId, Dict, Id, Value};
use crate::document::Document;
use crate::format::{escape_html, numbro, printf, process_placeholders, strftime, MISSING};
use crate::models::{
    FieldFormatter, Figure, GlyphRenderer, HoverMode, HoverTool, LinePolicy, PointPolicy,
};
use crate::render::scripted::{self, Script};
use crate::render::{nearest_segment, segments_between};

use super::gesture::View;
use super::graph::{graphs, Purpose};
use crate::render::Region;

use super::select::{
    ascends, coordinate, glyph_is, point_of, renderers, rows_at, rows_in, HIT_BY_POINT,
};

const INSPECT: Purpose = Purpose::Inspect;

/// How far (CSS pixels) from the pointer a point is still hovered.
pub const HOVER_REACH: f64 = 6.0;

/// How a HoverTool looks for rows and where its tooltip points: its `mode`,
/// `line_policy` and `point_policy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Under the pointer, or along a line through it.
    pub mode: HoverMode,
    /// Which row of a hovered line's segment, and which point.
    pub line: LinePolicy,
    /// At a hovered point, or at the pointer.
    pub point: PointPolicy,
}

impl Policy {
    /// The policy of hover tool `tool`.
    pub fn of(doc: &Document, tool: Id<HoverTool>) -> Policy {
        Policy {
            mode: doc.get(tool, HoverTool::MODE),
            line: doc.get(tool, HoverTool::LINE_POLICY),
            point: doc.get(tool, HoverTool::POINT_POLICY),
        }
    }
}

impl Default for Policy {
    /// Bokeh's defaults.
    fn default() -> Policy {
        Policy {
            mode: HoverMode::Mouse,
            line: LinePolicy::Nearest,
            point: PointPolicy::SnapToData,
        }
    }
}

impl Spot {
    /// Special `$name`'s value, if it is one (`$name` is text; the renderer's, or empty).
    fn special(&self, name: &str) -> Option<Value> {
        let number = |v: f64| Some(Value::Float(v));
        match name {
            "index" => Some(Value::Int(self.index as i64)),
            "x" => number(self.x),
            "y" => number(self.y),
            "sx" => number(self.sx),
            "sy" => number(self.sy),
            "snap_x" => number(self.snap.0),
            "snap_y" => number(self.snap.1),
            "snap_sx" => number(self.snap_s.0),
            "snap_sy" => number(self.snap_s.1),
            "name" => Some(Value::Str(self.name.clone().unwrap_or_default())),
            _ => None,
        }
    }

    /// Every special, as a CustomJSHover's `special_vars`.
    fn specials(&self) -> Vec<(&'static str, Value)> {
        const NAMES: [&str; 10] = [
            "index", "x", "y", "sx", "sy", "snap_x", "snap_y", "snap_sx", "snap_sy", "name",
        ];
        NAMES
            .iter()
            .filter_map(|&name| Some((name, self.special(name)?)))
            .collect()
    }
}

/// A row a hover tool inspects.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The renderer drawing it.
    pub renderer: Id<GlyphRenderer>,
    /// Its source row.
    pub index: usize,
    /// The point it reports (`$snap_x`, `$snap_y`), in data units.
    pub snap: (f64, f64),
    /// Where its tooltip points, in device pixels.
    pub at: (f64, f64),
}

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
    /// The point the hit reports, in data units.
    pub snap: (f64, f64),
    /// Where the tooltip points, in CSS pixels of the canvas.
    pub snap_s: (f64, f64),
    /// The renderer's `name`.
    pub name: Option<String>,
}

/// BokehJS's default for a number with no format: whole numbers as they are, others
/// with three decimals (in exponent form when very large or small).
fn default_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else if v == 0.0 || (1e-3..1e4).contains(&v.abs()) {
        crate::format::fixed(v, 3)
    } else {
        format!("{v:.3e}")
    }
}

/// How a field's value is written: BokehJS's formatters, by the names a HoverTool's
/// `formatters` and a DOM `ValueRef`'s `formatter` give them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Written {
    /// numbro's format (a tooltip's default).
    Numeral,
    Printf,
    Datetime,
    /// As the value is.
    Raw,
}

impl Written {
    fn named(name: &str) -> Written {
        match name {
            "printf" => Written::Printf,
            "datetime" => Written::Datetime,
            "raw" => Written::Raw,
            _ => Written::Numeral,
        }
    }
}

fn value_text(v: &Value, format: Option<&str>, written: Written) -> String {
    match (v.as_f64(), v) {
        (Some(n), _) if written == Written::Datetime => {
            let pattern = format.unwrap_or("%Y-%m-%d %H:%M:%S");
            strftime(crate::core::Datetime(n), pattern)
        }
        (Some(n), Value::Int(_) | Value::Float(_)) if written == Written::Raw => {
            crate::format::js_number(n)
        }
        (Some(n), _) => match (format, written) {
            (Some(f), Written::Printf) => printf(n, f),
            (Some(f), _) => numbro(n, f),
            (None, _) => default_number(n),
        },
        (None, Value::Str(s)) => s.clone(),
        (None, Value::Null) => "NaN".into(),
        (None, other) => format!("{other:?}"),
    }
}

/// `template` filled in for `spot` from `source`'s row, fields and specials formatted by
/// `formatters` (keys `@column`, `@{column}`, `$x`, …) when they name a format.
pub fn fill(
    doc: &Document,
    source: AnyId,
    template: &str,
    spot: &Spot,
    formatters: &Dict<FieldFormatter>,
) -> String {
    process_placeholders(template, |sigil, name, format| {
        let value = if sigil == '$' {
            match spot.special(name) {
                Some(value) => value,
                None => return format!("${name}"),
            }
        } else {
            match column_value(doc, source, name, spot.index) {
                Some(value) => value,
                None => return MISSING.to_owned(),
            }
        };
        let (plain, braced) = (format!("{sigil}{name}"), format!("{sigil}{{{name}}}"));
        let formatter = formatters
            .0
            .iter()
            .find(|(k, _)| *k == plain || *k == braced)
            .map(|(_, f)| f);
        let written = match (formatter, format) {
            (Some(FieldFormatter::Named(name)), _) => Written::named(name),
            // JavaScript, run by a page with its view, and only for a named format (as
            // BokehJS): else written as numbers are.
            (Some(FieldFormatter::Custom(model)), Some(format)) => {
                if let Some(Script::Hover(run)) = scripted::find("CustomJSHover") {
                    if let Some(text) = run(*model, &value, format, &spot.specials()) {
                        return text;
                    }
                }
                Written::Numeral
            }
            _ => Written::Numeral,
        };
        value_text(&value, format, written)
    })
}

/// Row `row`'s value of column `name` of `source` as a tooltip writes it by default (a
/// number with BokehJS's default precision), `???` without one: an `OpenURL`'s `@name`.
pub fn cell_text(doc: &Document, source: AnyId, name: &str, row: usize) -> String {
    row_text(doc, source, name, row, None, Written::Numeral)
}

fn row_text(
    doc: &Document,
    source: AnyId,
    name: &str,
    row: usize,
    format: Option<&str>,
    written: Written,
) -> String {
    let value = column_value(doc, source, name, row);
    value.map_or_else(|| MISSING.to_owned(), |v| value_text(&v, format, written))
}

/// How deep a tooltip's DOM models may nest: a model that contains itself stops there.
const DOM_DEPTH: usize = 32;

/// A tooltip made of Bokeh's DOM models (`bokeh.models.dom`), as HTML for the row at
/// `spot` of `source`: `Div`, `Span`, `Table`, `TableRow` and `Template` as their tags
/// with their `style`; `HTML`'s strings as markup, other strings and `Text` as text;
/// `ValueRef` and `ColorRef` the row's value of their field (a colour with its swatch),
/// `Index` the row's number, `ValueOf` a model's property, written by their `formatter`
/// and `format` as BokehJS writes them. Anything else (a widget) is left out.
pub fn dom_html(doc: &Document, element: AnyId, source: AnyId, spot: &Spot) -> String {
    let mut out = String::new();
    Dom { doc, source, spot }.node(element, 0, &mut out);
    out
}

/// The HTML of DOM model `element` outside any plot (a widget's Tooltip content): as
/// [`dom_html`] writes it, with no row whose values it could show.
pub fn dom_markup(doc: &Document, element: AnyId) -> String {
    let nowhere = Spot {
        index: 0,
        x: f64::NAN,
        y: f64::NAN,
        sx: f64::NAN,
        sy: f64::NAN,
        snap: (f64::NAN, f64::NAN),
        snap_s: (f64::NAN, f64::NAN),
        name: None,
    };
    dom_html(doc, element, element, &nowhere)
}

/// A DOM element's `style` as CSS: a `Styles` model's set properties or a dict.
pub fn dom_style(doc: &Document, node: AnyId) -> String {
    let declaration = |name: &str, value: &str| format!("{}: {value}; ", name.replace('_', "-"));
    match doc.get_attr(node, "style").unwrap_or(Value::Null) {
        Value::Ref(id) => doc
            .lookup(&id)
            .and_then(|styles| doc.try_model(styles))
            .map(|styles| {
                (styles.attrs.iter())
                    .filter_map(|(name, v)| Some(declaration(name, v.as_str()?)))
                    .collect()
            })
            .unwrap_or_default(),
        Value::Map(entries) => (entries.iter())
            .filter_map(|(k, v)| Some(declaration(k.as_str()?, v.as_str()?)))
            .collect(),
        Value::Object(entries) => (entries.iter())
            .filter_map(|(k, v)| Some(declaration(k, v.as_str()?)))
            .collect(),
        _ => String::new(),
    }
    .trim_end()
    .to_owned()
}

struct Dom<'a> {
    doc: &'a Document,
    source: AnyId,
    spot: &'a Spot,
}

impl Dom<'_> {
    fn attr(&self, node: AnyId, name: &str) -> Value {
        self.doc.get_attr(node, name).unwrap_or(Value::Null)
    }

    fn node(&self, node: AnyId, depth: usize, out: &mut String) {
        let Some(model) = self.doc.try_model(node) else {
            return;
        };
        if depth > DOM_DEPTH {
            return;
        }
        let kind = model.type_name.trim_start_matches("bokeh.models.dom.");
        let text = |v: Value| v.as_str().map(escape_html).unwrap_or_default();
        let tag = match kind {
            "Text" => return out.push_str(&text(self.attr(node, "content"))),
            "Span" | "Index" | "ValueRef" | "ColorRef" | "ValueOf" => "span",
            "Table" => "table",
            "TableRow" => "tr",
            "Div" | "Template" | "HTML" => "div",
            _ => return,
        };
        out.push('<');
        out.push_str(tag);
        let style = self.style(node);
        if !style.is_empty() {
            out.push_str(" style=\"");
            out.push_str(&escape_html(&style));
            out.push('"');
        }
        out.push('>');
        match kind {
            "Index" => out.push_str(&self.spot.index.to_string()),
            "ValueRef" | "ColorRef" => {
                let field = self.attr(node, "field");
                let value = field
                    .as_str()
                    .and_then(|f| column_value(self.doc, self.source, f, self.spot.index));
                let shown = self.written(node, value.as_ref());
                if kind == "ColorRef" {
                    let color = value.as_ref().and_then(Value::as_str).unwrap_or_default();
                    out.push_str("<span class=\"rk-swatch\" style=\"background-color: ");
                    out.push_str(&escape_html(color));
                    out.push_str("\"></span>");
                }
                out.push_str(&escape_html(&shown));
            }
            "ValueOf" => {
                let obj = self.attr(node, "obj");
                let attr = self.attr(node, "attr");
                let value = (obj.as_ref_id())
                    .and_then(|id| self.doc.lookup(id))
                    .zip(attr.as_str())
                    .and_then(|(obj, attr)| self.doc.get_attr(obj, attr).ok());
                out.push_str(&escape_html(&self.written(node, value.as_ref())));
            }
            "HTML" => match self.attr(node, "html") {
                // The app's markup, as it is.
                Value::Str(html) => out.push_str(&html),
                Value::List(parts) => {
                    for part in parts {
                        match part {
                            Value::Str(html) => out.push_str(&html),
                            part => self.child(&part, depth, out),
                        }
                    }
                }
                _ => {}
            },
            _ => {
                if let Value::List(children) = self.attr(node, "children") {
                    for child in children {
                        match child {
                            Value::Str(s) => out.push_str(&escape_html(&s)),
                            child => self.child(&child, depth, out),
                        }
                    }
                }
            }
        }
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
    }

    fn child(&self, child: &Value, depth: usize, out: &mut String) {
        if let Some(child) = child.as_ref_id().and_then(|id| self.doc.lookup(id)) {
            self.node(child, depth + 1, out);
        }
    }

    /// A placeholder's value written by its `formatter` and `format` (none: BokehJS's
    /// basic formatting).
    fn written(&self, node: AnyId, value: Option<&Value>) -> String {
        let Some(value) = value else {
            return MISSING.to_owned();
        };
        let format = self.attr(node, "format");
        let formatter = self.attr(node, "formatter");
        match format.as_str() {
            None => value_text(value, None, Written::Numeral),
            Some(format) => {
                let written = Written::named(formatter.as_str().unwrap_or("raw"));
                value_text(value, Some(format), written)
            }
        }
    }

    fn style(&self, node: AnyId) -> String {
        dom_style(self.doc, node)
    }
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

/// What a HoverTool shows: for each renderer it inspects, the row under the pointer
/// (device pixel `at`; `ratio` device pixels per CSS pixel) and where its tooltip points.
pub fn inspect(
    doc: &Document,
    figure: Id<Figure>,
    view: &View,
    policy: Policy,
    only: &[AnyId],
    at: (f64, f64),
    ratio: f64,
) -> Vec<Hit> {
    let [l, t, r, b] = view.frame;
    let reach = HOVER_REACH * ratio;
    let region = match policy.mode {
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
    let mut hits = Vec::new();
    let all = renderers(doc, figure, only);
    // Glyphs with extent, hit by their own geometry: all in one read of the figure.
    let mut others = Vec::new();
    for (renderer, _) in &all {
        let renderer = *renderer;
        let glyph = doc.get(renderer, GlyphRenderer::GLYPH);
        if doc.model(glyph).type_name == "Line" {
            hits.extend(line_hits(doc, renderer, view, policy, at, ratio));
            continue;
        }
        if !glyph_is(doc, renderer, HIT_BY_POINT) {
            others.push(renderer.any());
            continue;
        }
        for (r, mut rows) in rows_in(doc, figure, view, &region, &[renderer.any()], INSPECT) {
            // Every point under the pointer (or the line through it), in row order, as
            // BokehJS's hit test gives them: a tooltip entry each.
            rows.sort_unstable();
            for index in rows {
                let Some(snap) = point_of(doc, r, index) else {
                    continue;
                };
                let at = match policy.point {
                    PointPolicy::SnapToData => (view.x.apply(snap.0), view.y.apply(snap.1)),
                    PointPolicy::FollowMouse | PointPolicy::None => at,
                };
                hits.push(Hit {
                    renderer: r,
                    index,
                    snap,
                    at,
                });
            }
        }
    }
    // A graph's nodes or edges, by its inspection policy.
    others.extend(graphs(doc, figure, only, INSPECT).iter().map(|g| g.graph));
    if !others.is_empty() {
        // The rows their own hit tests find under the pointer, or along the line through it.
        let found = match policy.mode {
            HoverMode::Mouse => rows_at(doc, figure, view, at, reach, &others, INSPECT),
            HoverMode::VLine => {
                let line = Region::Rect {
                    x: (at.0, at.0),
                    y: (t, b),
                };
                rows_in(doc, figure, view, &line, &others, INSPECT)
            }
            HoverMode::HLine => {
                let line = Region::Rect {
                    x: (l, r),
                    y: (at.1, at.1),
                };
                rows_in(doc, figure, view, &line, &others, INSPECT)
            }
        };
        let mouse = (view.x.invert(at.0), view.y.invert(at.1));
        for (r, rows) in found {
            hits.extend(rows.into_iter().map(|index| Hit {
                renderer: r,
                index,
                snap: mouse,
                at,
            }));
        }
        // In the renderers' order, as BokehJS visits them.
        let place = |h: &Hit| all.iter().position(|(r, _)| *r == h.renderer);
        hits.sort_by_key(place);
    }
    // BokehJS shows only the entries whose point is in the frame.
    hits.retain(|h| l <= h.at.0 && h.at.0 <= r && t <= h.at.1 && h.at.1 <= b);
    hits
}

/// A `Line`'s hits: the segment nearest the pointer within reach (BokehJS's
/// `max(2, line_width / 2)` CSS pixels), or every segment a vertical (`vline`) or
/// horizontal (`hline`) line through it crosses; each reported as `line_policy` says.
fn line_hits(
    doc: &Document,
    renderer: Id<GlyphRenderer>,
    view: &View,
    policy: Policy,
    at: (f64, f64),
    ratio: f64,
) -> Vec<Hit> {
    let source = doc.get(renderer, GlyphRenderer::DATA_SOURCE);
    let glyph = doc.get(renderer, GlyphRenderer::GLYPH);
    let (Some(xs), Some(ys)) = (
        coordinate(doc, glyph, source, "x", 0),
        coordinate(doc, glyph, source, "y", 0),
    ) else {
        return Vec::new();
    };
    let n = xs.len().min(ys.len());
    if n < 2 {
        return Vec::new();
    }
    let (xs, ys) = (&xs[..n], &ys[..n]);
    let screen = |i: usize| (view.x.apply(xs[i]), view.y.apply(ys[i]));
    // For x ascending (a plotted series), only the segments near the pointer's x.
    let sorted = ascends(doc, glyph, source, "x", xs);
    let straddles = |v: &[f64], i: usize, val: f64| {
        (v[i] <= val && val <= v[i + 1]) || (v[i + 1] <= val && val <= v[i])
    };
    let segments: Vec<usize> = match policy.mode {
        HoverMode::Mouse => {
            let width = doc
                .get_attr(glyph, "line_width")
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(1.0);
            let threshold = (width / 2.0).max(2.0) * ratio;
            nearest_segment((xs, ys), sorted, (&view.x, &view.y), at, threshold)
                .into_iter()
                .collect()
        }
        HoverMode::VLine => {
            let val = view.x.invert(at.0);
            segments_between(xs, sorted, &view.x, (at.0, at.0))
                .filter(|&i| straddles(xs, i, val))
                .collect()
        }
        HoverMode::HLine => {
            let val = view.y.invert(at.1);
            (0..n - 1).filter(|&i| straddles(ys, i, val)).collect()
        }
    };
    let mouse = (view.x.invert(at.0), view.y.invert(at.1));
    segments
        .into_iter()
        .map(|i| {
            let (index, snap, px) = match policy.line {
                LinePolicy::Interp => {
                    let snap = interpolate(
                        view,
                        policy.mode,
                        at,
                        (xs[i], ys[i]),
                        (xs[i + 1], ys[i + 1]),
                    )
                    .unwrap_or(mouse);
                    (i, snap, (view.x.apply(snap.0), view.y.apply(snap.1)))
                }
                // BokehJS reports the next point's data with the previous point's place.
                LinePolicy::Prev => (i, (xs[i + 1], ys[i + 1]), screen(i)),
                LinePolicy::Next => (i + 1, (xs[i + 1], ys[i + 1]), screen(i + 1)),
                LinePolicy::Nearest => {
                    let (p1, p2) = (screen(i), screen(i + 1));
                    let (d1, d2) = match policy.mode {
                        HoverMode::VLine => ((p1.0 - at.0).abs(), (p2.0 - at.0).abs()),
                        HoverMode::HLine => ((p1.1 - at.1).abs(), (p2.1 - at.1).abs()),
                        HoverMode::Mouse => (
                            (p1.0 - at.0).hypot(p1.1 - at.1),
                            (p2.0 - at.0).hypot(p2.1 - at.1),
                        ),
                    };
                    let ii = if d1 < d2 { i } else { i + 1 };
                    (ii, (xs[ii], ys[ii]), screen(ii))
                }
                LinePolicy::None => (i, mouse, at),
            };
            Hit {
                renderer,
                index,
                snap,
                at: px,
            }
        })
        .collect()
}

/// Where segment a–b (data units) meets the line BokehJS draws through the pointer: a
/// vertical one for `vline`, a horizontal one for `hline`, else a short diagonal.
fn interpolate(
    view: &View,
    mode: HoverMode,
    at: (f64, f64),
    a: (f64, f64),
    b: (f64, f64),
) -> Option<(f64, f64)> {
    let (p, q) = match mode {
        HoverMode::VLine => {
            let x = view.x.invert(at.0);
            ((x, a.1.min(b.1) - 1.0), (x, a.1.max(b.1) + 1.0))
        }
        HoverMode::HLine => {
            let y = view.y.invert(at.1);
            ((a.0.min(b.0) - 1.0, y), (a.0.max(b.0) + 1.0, y))
        }
        HoverMode::Mouse => (
            (view.x.invert(at.0 - 1.0), view.y.invert(at.1 + 1.0)),
            (view.x.invert(at.0 + 1.0), view.y.invert(at.1 - 1.0)),
        ),
    };
    // The lines through p–q and a–b.
    let denominator = (b.1 - a.1) * (q.0 - p.0) - (b.0 - a.0) * (q.1 - p.1);
    if denominator == 0.0 {
        return None;
    }
    let t = ((b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0)) / denominator;
    Some((p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1)))
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
            snap: (2.5, 0.5),
            snap_s: (12.0, 22.0),
            name: Some("line".into()),
        };
        let formatters = Dict(vec![
            ("@t".to_owned(), "datetime".into()),
            ("@{name col}".to_owned(), "printf".into()),
        ]);
        let fill = |t: &str| fill(&doc, source.any(), t, &spot, &formatters);
        assert_eq!(fill("@y{0,0.00}"), "1,234.57");
        assert_eq!(fill("@y"), "1234.568");
        assert_eq!(fill("(@{name col}, $index)"), "(8, 1)");
        assert_eq!(fill("@{name col}{%05.1f}"), "008.0");
        assert_eq!(fill("$x, $y, $sx $name"), "2, 0.250, 10 line");
        assert_eq!(
            fill("$snap_x $snap_y $snap_sx $snap_sy"),
            "2.500 0.500 12 22"
        );
        assert_eq!(fill("@t{%Y-%m-%d}"), "1970-01-02");
        assert_eq!(fill("@nothing and $ alone"), "??? and $ alone");
    }

    /// A DOM model as a pushed document holds it (Bokeh's type name, its attributes).
    fn dom(doc: &mut Document, id: &str, kind: &str, attrs: Vec<(&str, Value)>) -> Value {
        let attrs = attrs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let model = crate::document::Model {
            id: crate::core::ModelId::from(id),
            type_name: format!("bokeh.models.dom.{kind}"),
            attrs,
        };
        doc.insert_model(model).unwrap();
        Value::Ref(crate::core::ModelId::from(id))
    }

    #[test]
    fn dom_tooltips_show_the_rows_values_as_bokehjs_does() {
        let mut doc = Document::new();
        let source = doc.add(ColumnDataSource::new([("radius", vec![0.25, 1.23456])]));
        let colors = Value::List(vec![Value::str("red"), Value::str("#00ff00")]);
        doc.set_columns(source.any(), vec![("color".to_owned(), colors)])
            .unwrap();
        let spot = Spot {
            index: 1,
            x: 0.0,
            y: 0.0,
            sx: 0.0,
            sy: 0.0,
            snap: (0.0, 0.0),
            snap_s: (0.0, 0.0),
            name: None,
        };
        let index = dom(&mut doc, "i", "Index", vec![]);
        let printf = vec![
            ("field", Value::str("radius")),
            ("format", Value::str("%.2f")),
            ("formatter", Value::str("printf")),
        ];
        let radius = dom(&mut doc, "r", "ValueRef", printf);
        let plain = dom(
            &mut doc,
            "p",
            "ValueRef",
            vec![("field", Value::str("radius"))],
        );
        let missing = dom(
            &mut doc,
            "m",
            "ValueRef",
            vec![("field", Value::str("nope"))],
        );
        let color = dom(
            &mut doc,
            "c",
            "ColorRef",
            vec![("field", Value::str("color"))],
        );
        let text = dom(
            &mut doc,
            "t",
            "Text",
            vec![("content", Value::str("a < b"))],
        );
        let style = Value::Map(vec![(Value::str("font_weight"), Value::str("bold"))]);
        let div = dom(
            &mut doc,
            "d",
            "Div",
            vec![
                ("style", style),
                (
                    "children",
                    Value::List(vec![Value::str("x<y "), text, plain]),
                ),
            ],
        );
        let html = vec![Value::str("<b>#</b>"), index, radius, missing, color, div];
        let grid = dom(&mut doc, "g", "HTML", vec![("html", Value::List(html))]);
        let grid = doc.lookup(grid.as_ref_id().unwrap()).unwrap();
        assert_eq!(
            dom_html(&doc, grid, source.any(), &spot),
            "<div><b>#</b><span>1</span><span>1.23</span><span>???</span>\
             <span><span class=\"rk-swatch\" style=\"background-color: #00ff00\"></span>#00ff00</span>\
             <div style=\"font-weight: bold;\">x&lt;y a &lt; b<span>1.235</span></div></div>"
        );
        // A model that contains itself stops at the nesting limit.
        let me = Value::List(vec![Value::Ref(crate::core::ModelId::from("l"))]);
        let looped = dom(&mut doc, "l", "Span", vec![("children", me)]);
        let looped = doc.lookup(looped.as_ref_id().unwrap()).unwrap();
        assert!(dom_html(&doc, looped, source.any(), &spot).len() < 2_000);
    }
}
