//! Selections, as BokehJS's select tools make them: the rows of each renderer inside a
//! dragged box or lasso polygon, or under a tap, set as the source's `selected.indices`
//! (combined with the selection before by the tool's mode) and announced with a
//! `SelectionGeometry` (or `Tap`) event. Markers and circles are selected by their point
//! (the glyph's `x`, `y`: a binary search when x ascends); glyphs with extent by their
//! own hit tests (boxes meeting the region, patches wholly inside it); glyphs BokehJS
//! selects no region of (lines, wedges, text…) not at all.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::core::{AnyId, Id, Spec, Value};
use crate::document::{Document, DocumentError, EventKind, UiEvent};
use crate::models::{Figure, GlyphRenderer, Selection, SelectionMode, SourceId};

use crate::render::{ascending, hit_point, hit_region, PixelRect, Region};

use super::gesture::View;
use super::graph::{graphs, Purpose, Reach};

/// Bokeh's `geometry` of a SelectionGeometry event for `region`, in CSS pixels (`ratio`
/// device pixels per CSS pixel).
fn geometry(region: &Region, ratio: f64) -> Value {
    let css = |v: f64| Value::Float(v / ratio);
    let fields: Vec<(String, Value)> = match region {
        Region::Rect { x, y } => vec![
            ("type".into(), Value::str("rect")),
            ("sx0".into(), css(x.0.min(x.1))),
            ("sx1".into(), css(x.0.max(x.1))),
            ("sy0".into(), css(y.0.min(y.1))),
            ("sy1".into(), css(y.0.max(y.1))),
        ],
        Region::Polygon(points) => vec![
            ("type".into(), Value::str("poly")),
            (
                "sx".into(),
                Value::List(points.iter().map(|p| css(p.0)).collect()),
            ),
            (
                "sy".into(),
                Value::List(points.iter().map(|p| css(p.1)).collect()),
            ),
        ],
    };
    Value::Map(
        fields
            .into_iter()
            .map(|(k, v)| (Value::Str(k), v))
            .collect(),
    )
}

/// The figure's visible glyph renderers (those `renderers` names, else all) with their
/// sources.
pub(super) fn renderers(
    doc: &Document,
    figure: Id<Figure>,
    only: &[AnyId],
) -> Vec<(Id<GlyphRenderer>, SourceId)> {
    doc.get(figure, Figure::RENDERERS)
        .into_iter()
        .filter(|r| only.is_empty() || only.contains(r))
        .filter_map(|r| doc.typed_id::<GlyphRenderer>(doc.model_id(r)))
        .filter(|r| doc.get(*r, GlyphRenderer::VISIBLE))
        .map(|r| (r, doc.get(r, GlyphRenderer::DATA_SOURCE)))
        .collect()
}

/// A glyph's coordinate along `attr` for every row: its column (borrowed), or one value
/// for all.
pub(super) fn coordinate<'d>(
    doc: &'d Document,
    glyph: AnyId,
    source: SourceId,
    attr: &str,
    rows: usize,
) -> Option<Cow<'d, [f64]>> {
    let spec = doc.get_attr(glyph, attr).ok()?;
    match crate::core::PropType::from_value(&spec, doc)? {
        Spec::<f64>::Field(field) => match doc.column_f64(source, &field) {
            Some(xs) => Some(Cow::Borrowed(xs)),
            // A column sent as a plain list (as Python's lists arrive): read as numbers.
            None => match doc.column(source, &field)? {
                Value::List(items) => Some(Cow::Owned(
                    items
                        .iter()
                        .map(|v| v.as_f64().unwrap_or(f64::NAN))
                        .collect(),
                )),
                _ => None,
            },
        },
        Spec::Value(v) => Some(Cow::Owned(vec![v; rows])),
        _ => None,
    }
}

/// Whether the glyph's coordinate `attr` (its values `xs`) ascends: a column remembers
/// it between changes (so a hover over a million points need not read them all), other
/// values are checked.
pub(super) fn ascends(
    doc: &Document,
    glyph: AnyId,
    source: SourceId,
    attr: &str,
    xs: &[f64],
) -> bool {
    let remembered = doc.get_attr(glyph, attr).ok().and_then(|spec| {
        match crate::core::PropType::from_value(&spec, doc)? {
            Spec::<f64>::Field(field) => match doc.column(source, &field)? {
                Value::Array(a) => a.ascending(),
                _ => None,
            },
            _ => None,
        }
    });
    remembered.unwrap_or_else(|| ascending(xs))
}

/// The rows a search of region `region` need look at: for x ascending (`sorted`: a
/// plotted series), those within the region's x extent, found by binary search; else
/// all.
fn candidates(xs: &[f64], sorted: bool, view: &View, region: &Region) -> std::ops::Range<usize> {
    let (lo_px, hi_px) = match region {
        Region::Rect { x, .. } => (x.0.min(x.1), x.0.max(x.1)),
        Region::Polygon(points) => points
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                (lo.min(p.0), hi.max(p.0))
            }),
    };
    if !(lo_px.is_finite() && hi_px.is_finite() && sorted) {
        return 0..xs.len();
    }
    let (a, b) = (view.x.invert(lo_px), view.x.invert(hi_px));
    let (lo, hi) = (a.min(b), a.max(b));
    let start = xs.partition_point(|x| *x < lo);
    let end = xs.partition_point(|x| *x <= hi);
    start..end.max(start)
}

/// Glyphs a box or lasso selects by their point (`x`, `y`), as BokehJS's markers and
/// circles.
const SELECTED_BY_POINT: &[&str] = &["Circle", "Scatter"];

/// Glyphs a tap or hover finds by their nearest point within reach: markers (a circle's
/// data radius is its own hit test's).
pub(super) const HIT_BY_POINT: &[&str] = &["Scatter"];

/// Whether renderer `r`'s glyph is one of `kinds`.
pub(super) fn glyph_is(doc: &Document, r: Id<GlyphRenderer>, kinds: &[&str]) -> bool {
    let glyph = doc.get(r, GlyphRenderer::GLYPH);
    kinds.contains(&doc.model(glyph).type_name.as_str())
}

/// The painted frame as whole pixels.
fn pixel_frame(view: &View) -> PixelRect {
    let [left, top, right, bottom] = view.frame.map(|v| v.round() as i32);
    PixelRect {
        left,
        top,
        right,
        bottom,
    }
}

/// Render hits (renderer, source rows) with the renderers typed, and, selecting, what a
/// graph's policy links to the hits on its tested renderer (a hover's links are only
/// drawn: [`super::graph::linked_inspection`]).
fn typed_hits(
    doc: &Document,
    hits: Vec<(AnyId, Vec<usize>)>,
    graphs: &[Reach],
    purpose: Purpose,
) -> Vec<(Id<GlyphRenderer>, Vec<usize>)> {
    let mut out = Vec::new();
    for (r, rows) in hits {
        let Some(r) = doc.typed_id::<GlyphRenderer>(doc.model_id(r)) else {
            continue;
        };
        match graphs.iter().find(|g| g.tested() == r) {
            Some(graph) if purpose == Purpose::Select => out.extend(graph.linked(doc, rows)),
            _ => out.push((r, rows)),
        }
    }
    out
}

/// For each renderer, the rows `region` selects (see the module docs); of a graph, what
/// its policy for `purpose` reaches.
pub fn rows_in(
    doc: &Document,
    figure: Id<Figure>,
    view: &View,
    region: &Region,
    only: &[AnyId],
    purpose: Purpose,
) -> Vec<(Id<GlyphRenderer>, Vec<usize>)> {
    let mut out = Vec::new();
    // A graph's renderers draw where its layout places them, not at their columns.
    let graphs = graphs(doc, figure, only, purpose);
    let mut others: Vec<AnyId> = graphs.iter().map(|g| g.tested().any()).collect();
    for (r, source) in renderers(doc, figure, only) {
        if !glyph_is(doc, r, SELECTED_BY_POINT) {
            others.push(r.any());
            continue;
        }
        let glyph = doc.get(r, GlyphRenderer::GLYPH);
        let Some(xs) = coordinate(doc, glyph, source, "x", 0) else {
            continue;
        };
        let Some(ys) = coordinate(doc, glyph, source, "y", xs.len()) else {
            continue;
        };
        let n = xs.len().min(ys.len());
        let sorted = ascends(doc, glyph, source, "x", &xs[..n]);
        let range = candidates(&xs[..n], sorted, view, region);
        let rows = range
            .filter(|i| region.contains((view.x.apply(xs[*i]), view.y.apply(ys[*i]))))
            .collect();
        out.push((r, rows));
    }
    if !others.is_empty() {
        // A figure that cannot be drawn was never painted: nothing of it is selected.
        let hits = hit_region(doc, figure, pixel_frame(view), view.scale, region, &others);
        out.extend(typed_hits(doc, hits.unwrap_or_default(), &graphs, purpose));
    }
    out
}

/// For each renderer, the rows under device pixel `at`, as a tap finds them: of markers
/// the nearest point within `reach` (device pixels), of other glyphs every row the
/// glyph's own hit test finds there; of a graph, what its policy for `purpose` reaches.
pub fn rows_at(
    doc: &Document,
    figure: Id<Figure>,
    view: &View,
    at: (f64, f64),
    reach: f64,
    only: &[AnyId],
    purpose: Purpose,
) -> Vec<(Id<GlyphRenderer>, Vec<usize>)> {
    let region = Region::Rect {
        x: (at.0 - reach, at.0 + reach),
        y: (at.1 - reach, at.1 + reach),
    };
    let (points, others): (Vec<_>, Vec<_>) = renderers(doc, figure, only)
        .into_iter()
        .map(|(r, _)| r)
        .partition(|r| glyph_is(doc, *r, HIT_BY_POINT));
    let points: Vec<AnyId> = points.iter().map(|r| r.any()).collect();
    let graphs = graphs(doc, figure, only, purpose);
    let others: Vec<AnyId> = (graphs.iter().map(Reach::tested))
        .chain(others)
        .map(|r| r.any())
        .collect();
    let mut out: Vec<(Id<GlyphRenderer>, Vec<usize>)> = Vec::new();
    if !points.is_empty() {
        for (r, rows) in rows_in(doc, figure, view, &region, &points, purpose) {
            out.push((r, nearest(doc, r, view, at, &rows).into_iter().collect()));
        }
    }
    if !others.is_empty() {
        // A figure that cannot be drawn was never painted: nothing of it is hit.
        let hits = hit_point(doc, figure, pixel_frame(view), view.scale, at, &others);
        out.extend(typed_hits(doc, hits.unwrap_or_default(), &graphs, purpose));
    }
    out
}

/// Of `rows` of renderer `r`, the one whose point is drawn nearest device pixel `at`.
pub fn nearest(
    doc: &Document,
    r: Id<GlyphRenderer>,
    view: &View,
    at: (f64, f64),
    rows: &[usize],
) -> Option<usize> {
    let source = doc.get(r, GlyphRenderer::DATA_SOURCE);
    let glyph = doc.get(r, GlyphRenderer::GLYPH);
    let xs = coordinate(doc, glyph, source, "x", 0)?;
    let ys = coordinate(doc, glyph, source, "y", xs.len())?;
    let distance = |i: usize| {
        let (px, py) = (view.x.apply(xs[i]), view.y.apply(ys[i]));
        (px - at.0).powi(2) + (py - at.1).powi(2)
    };
    rows.iter()
        .copied()
        .filter(|i| *i < xs.len() && *i < ys.len())
        .min_by(|a, b| distance(*a).total_cmp(&distance(*b)))
}

/// The data point of row `row` of renderer `r` (its glyph's `x`, `y`).
pub fn point_of(doc: &Document, r: Id<GlyphRenderer>, row: usize) -> Option<(f64, f64)> {
    let source = doc.get(r, GlyphRenderer::DATA_SOURCE);
    let glyph = doc.get(r, GlyphRenderer::GLYPH);
    let xs = coordinate(doc, glyph, source, "x", row + 1)?;
    let ys = coordinate(doc, glyph, source, "y", row + 1)?;
    Some((*xs.get(row)?, *ys.get(row)?))
}

/// `new` combined with the selection `old` by `mode`, sorted.
pub fn combine(mode: SelectionMode, old: &[i64], new: &[usize]) -> Vec<i64> {
    let old: BTreeSet<i64> = old.iter().copied().collect();
    let new: BTreeSet<i64> = new.iter().map(|i| *i as i64).collect();
    let out: BTreeSet<i64> = match mode {
        SelectionMode::Replace => new,
        SelectionMode::Append => &old | &new,
        SelectionMode::Intersect => &old & &new,
        SelectionMode::Subtract => &old - &new,
        SelectionMode::Xor | SelectionMode::Toggle => &old ^ &new,
    };
    out.into_iter().collect()
}

/// Sets each renderer's source selection to `hits` combined by `mode` (ordinary changes
/// of `selected.indices`).
pub fn select(
    doc: &mut Document,
    hits: &[(Id<GlyphRenderer>, Vec<usize>)],
    mode: SelectionMode,
) -> Result<(), DocumentError> {
    for (r, rows) in hits {
        let source = doc.get(*r, GlyphRenderer::DATA_SOURCE);
        let selection = match doc.get_attr(source.any(), "selected") {
            Ok(Value::Ref(id)) => doc.typed_id::<Selection>(&id),
            _ => None,
        };
        let Some(selection) = selection else { continue };
        let old = doc.get(selection, Selection::INDICES);
        let new = combine(mode, &old, rows);
        if new != old {
            doc.set(selection, Selection::INDICES, new)?;
        }
    }
    Ok(())
}

/// Bokeh's `SelectionGeometry` for a selection by `region` (`ratio` device pixels per
/// CSS pixel), `final` when the gesture ended; sent if the figure subscribes to it.
pub fn selection_geometry(
    doc: &mut Document,
    figure: Id<Figure>,
    region: &Region,
    ratio: f64,
    last: bool,
) -> Result<(), DocumentError> {
    send_geometry(doc, figure, geometry(region, ratio), last)
}

/// Bokeh's `SelectionGeometry` for a tap's selection at `[sx, sy, x, y]` (CSS pixels of
/// the canvas, then data units), as BokehJS's TapTool sends it; sent if the figure
/// subscribes to it.
pub fn tap_geometry(
    doc: &mut Document,
    figure: Id<Figure>,
    at: [f64; 4],
) -> Result<(), DocumentError> {
    let mut fields = vec![(Value::str("type"), Value::str("point"))];
    for (name, v) in ["sx", "sy", "x", "y"].into_iter().zip(at) {
        fields.push((Value::str(name), Value::Float(v)));
    }
    send_geometry(doc, figure, Value::Map(fields), true)
}

fn send_geometry(
    doc: &mut Document,
    figure: Id<Figure>,
    geometry: Value,
    last: bool,
) -> Result<(), DocumentError> {
    let event = UiEvent {
        kind: EventKind::SelectionGeometry,
        model: Some(doc.model_id(figure.any()).clone()),
        values: vec![
            ("geometry".into(), geometry),
            ("final".into(), Value::Bool(last)),
        ],
    };
    doc.emit(event)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_and_polygons_hold_what_they_enclose() {
        let r = Region::Rect {
            x: (10.0, 0.0),
            y: (0.0, 5.0),
        };
        assert!(r.contains((5.0, 5.0)) && !r.contains((11.0, 1.0)));
        // A triangle and a concave "C".
        let t = Region::Polygon(vec![(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)]);
        assert!(t.contains((2.0, 2.0)) && !t.contains((8.0, 8.0)));
        let c = Region::Polygon(vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 2.0),
            (2.0, 2.0),
            (2.0, 8.0),
            (10.0, 8.0),
            (10.0, 10.0),
            (0.0, 10.0),
        ]);
        assert!(c.contains((1.0, 5.0)) && !c.contains((6.0, 5.0)) && c.contains((6.0, 9.0)));
    }

    #[test]
    fn modes_combine_as_bokeh_names_them() {
        let old = [1, 2, 3];
        assert_eq!(combine(SelectionMode::Replace, &old, &[3, 4]), [3, 4]);
        assert_eq!(combine(SelectionMode::Append, &old, &[3, 4]), [1, 2, 3, 4]);
        assert_eq!(combine(SelectionMode::Intersect, &old, &[3, 4]), [3]);
        assert_eq!(combine(SelectionMode::Subtract, &old, &[3, 4]), [1, 2]);
        assert_eq!(combine(SelectionMode::Xor, &old, &[3, 4]), [1, 2, 4]);
        assert_eq!(combine(SelectionMode::Toggle, &old, &[2]), [1, 3]);
    }
}
