//! Selections, as BokehJS's select tools make them: the rows of each renderer whose
//! point (the glyph's `x`, `y`) is inside a dragged box or lasso polygon, or under a tap,
//! set as the source's `selected.indices` (combined with the selection before by the
//! tool's mode) and announced with a `SelectionGeometry` (or `Tap`) event.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::core::{AnyId, Id, Spec, Value};
use crate::document::{Document, DocumentError, EventKind, UiEvent};
use crate::models::{ColumnDataSource, Figure, GlyphRenderer, Selection, SelectionMode};

use crate::render::ascending;

use super::gesture::View;

/// A region of the screen (device pixels).
#[derive(Clone, Debug, PartialEq)]
pub enum Region {
    /// A box: x from..to, y from..to.
    Rect {
        /// Left and right.
        x: (f64, f64),
        /// Top and bottom.
        y: (f64, f64),
    },
    /// A polygon's vertices (a lasso's path).
    Polygon(Vec<(f64, f64)>),
}

impl Region {
    /// Whether the point is inside (a polygon by the even-odd rule, as the canvas fills).
    pub fn contains(&self, (px, py): (f64, f64)) -> bool {
        match self {
            Region::Rect { x, y } => {
                x.0.min(x.1) <= px && px <= x.0.max(x.1) && y.0.min(y.1) <= py && py <= y.0.max(y.1)
            }
            Region::Polygon(points) => {
                let mut inside = false;
                let n = points.len();
                for i in 0..n {
                    let (xi, yi) = points[i];
                    let (xj, yj) = points[(i + n - 1) % n];
                    if (yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi {
                        inside = !inside;
                    }
                }
                inside
            }
        }
    }

    /// Bokeh's `geometry` of a SelectionGeometry event, in CSS pixels (`ratio` device
    /// pixels per CSS pixel).
    fn geometry(&self, ratio: f64) -> Value {
        let css = |v: f64| Value::Float(v / ratio);
        let fields: Vec<(String, Value)> = match self {
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
}

/// The figure's visible glyph renderers (those `renderers` names, else all) with their
/// sources.
pub(super) fn renderers(
    doc: &Document,
    figure: Id<Figure>,
    only: &[AnyId],
) -> Vec<(Id<GlyphRenderer>, Id<ColumnDataSource>)> {
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
    source: Id<ColumnDataSource>,
    attr: &str,
    rows: usize,
) -> Option<Cow<'d, [f64]>> {
    let spec = doc.get_attr(glyph, attr).ok()?;
    match crate::core::PropType::from_value(&spec, doc)? {
        Spec::<f64>::Field(field) => doc.column_f64(source, &field).map(Cow::Borrowed),
        Spec::Value(v) => Some(Cow::Owned(vec![v; rows])),
        _ => None,
    }
}

/// The rows a search of region `region` need look at: for x ascending (a plotted
/// series, checked in one vectorized pass), those within the region's x extent, found
/// by binary search; else all.
fn candidates(xs: &[f64], view: &View, region: &Region) -> std::ops::Range<usize> {
    let (lo_px, hi_px) = match region {
        Region::Rect { x, .. } => (x.0.min(x.1), x.0.max(x.1)),
        Region::Polygon(points) => points
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                (lo.min(p.0), hi.max(p.0))
            }),
    };
    if !(lo_px.is_finite() && hi_px.is_finite() && ascending(xs)) {
        return 0..xs.len();
    }
    let (a, b) = (view.x.invert(lo_px), view.x.invert(hi_px));
    let (lo, hi) = (a.min(b), a.max(b));
    let start = xs.partition_point(|x| *x < lo);
    let end = xs.partition_point(|x| *x <= hi);
    start..end.max(start)
}

/// For each renderer whose glyph has `x` and `y`, the rows whose point is in `region`.
pub fn rows_in(
    doc: &Document,
    figure: Id<Figure>,
    view: &View,
    region: &Region,
    only: &[AnyId],
) -> Vec<(Id<GlyphRenderer>, Vec<usize>)> {
    let mut out = Vec::new();
    for (r, source) in renderers(doc, figure, only) {
        let glyph = doc.get(r, GlyphRenderer::GLYPH);
        let Some(xs) = coordinate(doc, glyph, source, "x", 0) else {
            continue;
        };
        let Some(ys) = coordinate(doc, glyph, source, "y", xs.len()) else {
            continue;
        };
        let n = xs.len().min(ys.len());
        let range = candidates(&xs[..n], view, region);
        let rows = range
            .filter(|i| region.contains((view.x.apply(xs[*i]), view.y.apply(ys[*i]))))
            .collect();
        out.push((r, rows));
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
/// CSS pixel), `final` when the gesture ended.
pub fn selection_geometry(
    doc: &mut Document,
    figure: Id<Figure>,
    region: &Region,
    ratio: f64,
    last: bool,
) -> Result<(), DocumentError> {
    let event = UiEvent {
        kind: EventKind::SelectionGeometry,
        model: Some(doc.model_id(figure.any()).clone()),
        values: vec![
            ("geometry".into(), region.geometry(ratio)),
            ("final".into(), Value::Bool(last)),
        ],
    };
    doc.trigger(event)
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
