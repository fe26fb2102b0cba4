//! A GlyphRenderer as BokehJS paints it: its glyph over the rows its view keeps; with
//! rows selected, the others drawn with the nonselection glyph and the selected ones with
//! the selection glyph; muted, the muted glyph. "auto" glyphs are the glyph with its fill
//! faded to 0.2 (nonselection and muted), as BokehJS makes them. Rows a hover tool
//! inspects are drawn with the `hover_glyph` instead (the whole glyph, for a line or an
//! area: BokehJS inspects those as one).

use crate::document::{AnyId, Value};
use crate::models::AutoOr;

use super::filters::view_rows;
use super::glyphs::{builder, GlyphInput, GlyphView, Paint};
use super::ranges::{Bounds, FactorMap, Interval};
use super::read::Reader;
use super::region::Region;
use super::specs::{Overrides, Rows, Specs};
use super::RenderError;

/// BokehJS's faded defaults of "auto" nonselection and muted glyphs.
const FADED: Overrides<'static> = &[("fill_alpha", Value::Float(0.2))];

pub(crate) struct RendererView<'d> {
    pub model: AnyId,
    pub x_range_name: String,
    pub y_range_name: String,
    pub visible: bool,
    pub muted: bool,
    pub glyph: Box<dyn GlyphView + 'd>,
    nonselection: Option<Box<dyn GlyphView + 'd>>,
    selection: Option<Box<dyn GlyphView + 'd>>,
    muted_glyph: Option<Box<dyn GlyphView + 'd>>,
    /// Selected rows, in the view's row numbering.
    selected: Vec<usize>,
    /// The hover glyph, while some rows are inspected.
    hover: Option<Box<dyn GlyphView + 'd>>,
    /// Inspected rows, in the view's row numbering (empty without a hover glyph).
    inspected: Vec<usize>,
    /// Whether the glyph is inspected as a whole (a line or an area).
    hover_whole: bool,
    pub rows: Rows,
    /// Where its coordinates go in the plot's, when it has a CoordinateMapping.
    pub mapping: Option<Mapping>,
}

/// A renderer's CoordinateMapping (Bokeh's subplots, `figure.subplot(...)`): per axis,
/// its coordinates' range (the source) onto a range of the plot's (the target), linearly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Mapping {
    pub x: Option<(Interval, Interval)>,
    pub y: Option<(Interval, Interval)>,
}

impl Mapping {
    /// The CoordinateMapping `mapping`: linear scales between ranges whose `start` and
    /// `end` are set (a Range1d, a DataRange1d given or written them); a source that
    /// follows the data unwritten is an error, and the renderer is left out.
    fn read(r: Reader<'_>, mapping: AnyId) -> Result<Mapping, RenderError> {
        let axis = |scale: &str, source: &str, target: &str| {
            if let Some(s) = r.reference(mapping, scale)? {
                if r.type_name(s) != "LinearScale" {
                    return Err(r.bad(mapping, scale, "a LinearScale"));
                }
            }
            let ends = |attr: &str| -> Result<Option<Interval>, RenderError> {
                // Unset (a source's default, a new DataRange1d; a target Bokeh requires):
                // that axis is not mapped.
                let set = r
                    .doc
                    .try_model(mapping)
                    .is_some_and(|m| m.attrs.contains_key(attr));
                let Some(range) = set
                    .then(|| r.reference(mapping, attr))
                    .transpose()?
                    .flatten()
                else {
                    return Ok(None);
                };
                let number = |end| r.value(range, end).ok().and_then(|v| v.as_f64());
                match (number("start"), number("end")) {
                    (Some(start), Some(end)) if start != end => Ok(Some(Interval { start, end })),
                    _ => Err(r.bad(mapping, attr, "a range with a start and an end")),
                }
            };
            Ok(ends(source)?.zip(ends(target)?))
        };
        Ok(Mapping {
            x: axis("x_scale", "x_source", "x_target")?,
            y: axis("y_scale", "y_source", "y_target")?,
        })
    }

    /// `bounds` (in the renderer's coordinates) in the plot's.
    fn bounds(axis: Option<(Interval, Interval)>, bounds: Option<Bounds>) -> Option<Bounds> {
        let (Some((source, target)), Some(b)) = (axis, bounds) else {
            return bounds;
        };
        let to = |v: f64| target.start + (v - source.start) * target.span() / source.span();
        let (a, b) = (to(b.min), to(b.max));
        Some(Bounds {
            min: a.min(b),
            max: a.max(b),
        })
    }
}

/// The GlyphRenderer a composite renderer (a graph, a contour) names by `attr`.
pub(crate) fn part_of(r: Reader<'_>, composite: AnyId, attr: &str) -> Result<AnyId, RenderError> {
    r.reference(composite, attr)?
        .filter(|g| r.type_name(*g) == "GlyphRenderer")
        .ok_or_else(|| r.bad(composite, attr, "a GlyphRenderer"))
}

/// Glyphs BokehJS inspects as one: their hover glyph draws all of them instead.
const INSPECTED_WHOLE: &[&str] = &["HArea", "HAreaStep", "Line", "Patch", "VArea", "VAreaStep"];

/// Source rows `full` in the view's row numbering, sorted and without repeats.
fn view_rows_of(full: impl IntoIterator<Item = usize>, rows: &Rows) -> Vec<usize> {
    let mut out: Vec<usize> = match &rows.indices {
        None => full.into_iter().filter(|&i| i < rows.len).collect(),
        Some(kept) => {
            let full: std::collections::HashSet<usize> = full.into_iter().collect();
            kept.iter()
                .enumerate()
                .filter(|(_, k)| full.contains(k))
                .map(|(i, _)| i)
                .collect()
        }
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The glyph to draw in a mode: "auto" (the glyph, with `faded` overrides), a glyph model
/// of its own, or none (the glyph unchanged).
/// `placed` are the coordinates the renderer places (a graph's), for any of its glyphs.
fn variant<'d>(
    r: Reader<'d>,
    renderer: AnyId,
    attr: &str,
    glyph: AnyId,
    rows: &Rows,
    (faded, placed): (Overrides<'static>, Overrides<'_>),
    (x, y): (Option<&FactorMap>, Option<&FactorMap>),
) -> Result<Option<Box<dyn GlyphView + 'd>>, RenderError> {
    let (model, faded): (AnyId, Overrides<'_>) =
        match r.get::<Option<AutoOr<AnyId>>>(renderer, attr)? {
            Some(AutoOr::Auto) => (glyph, faded),
            Some(AutoOr::Value(g)) => (g, &[]),
            None => (glyph, &[]),
        };
    let overrides: Vec<(&'static str, Value)> = faded.iter().chain(placed).cloned().collect();
    build(r, model, rows, &overrides, x, y)
}

fn build<'d>(
    r: Reader<'d>,
    model: AnyId,
    rows: &Rows,
    overrides: Overrides<'_>,
    x: Option<&FactorMap>,
    y: Option<&FactorMap>,
) -> Result<Option<Box<dyn GlyphView + 'd>>, RenderError> {
    let Some(build) = builder(r.type_name(model)) else {
        return Ok(None);
    };
    let input = GlyphInput {
        specs: Specs {
            r,
            model,
            rows,
            overrides,
        },
        x_factors: x,
        y_factors: y,
    };
    build(&input).map(Some)
}

impl<'d> RendererView<'d> {
    /// Reads a GlyphRenderer; `None` when its glyph is a type rokeh does not draw. The
    /// factor maps are the categorical axes its ranges have, if any.
    pub fn read(
        r: Reader<'d>,
        renderer: AnyId,
        factors: (Option<&FactorMap>, Option<&FactorMap>),
    ) -> Result<Option<RendererView<'d>>, RenderError> {
        Self::read_placed(r, renderer, factors, &[])
    }

    /// [`RendererView::read`] with coordinates the renderer does not hold in its source:
    /// `placed` overrides its glyphs' specs (a graph's node and edge positions).
    pub fn read_placed(
        r: Reader<'d>,
        renderer: AnyId,
        (xf, yf): (Option<&FactorMap>, Option<&FactorMap>),
        placed: Overrides<'_>,
    ) -> Result<Option<RendererView<'d>>, RenderError> {
        let glyph = r
            .reference(renderer, "glyph")?
            .ok_or_else(|| r.bad(renderer, "glyph", "set"))?;
        if builder(r.type_name(glyph)).is_none() {
            return Ok(None);
        }
        let source = r.reference(renderer, "data_source")?;
        let len = r.rows_of(source);
        let view = r.reference(renderer, "view")?;
        let indices = view_rows(r, view, source, len)?;
        let rows = Rows {
            source,
            len: indices.as_ref().map_or(len, Vec::len),
            indices,
        };
        let x_range_name = r.string(renderer, "x_range_name")?;
        let y_range_name = r.string(renderer, "y_range_name")?;
        let main = build(r, glyph, &rows, placed, xf, yf)?.expect("the type was checked");
        let muted = r.flag(renderer, "muted")?;
        let selected: Vec<usize> = match source.map(|s| r.reference(s, "selected")).transpose()? {
            Some(Some(sel)) => {
                let ix: Vec<i64> = r.get(sel, "indices")?;
                view_rows_of(
                    ix.into_iter().filter_map(|i| usize::try_from(i).ok()),
                    &rows,
                )
            }
            _ => Vec::new(),
        };
        let inspected = source.map_or(&[][..], |s| r.inspected(s));
        let hover = match r.reference(renderer, "hover_glyph")? {
            Some(g) if !inspected.is_empty() => build(r, g, &rows, placed, xf, yf)?,
            _ => None,
        };
        let inspected = match hover {
            Some(_) => view_rows_of(inspected.iter().copied(), &rows),
            None => Vec::new(),
        };
        let hover = hover.filter(|_| !inspected.is_empty());
        let (selection, nonselection) = if selected.is_empty() {
            (None, None)
        } else {
            (
                variant(
                    r,
                    renderer,
                    "selection_glyph",
                    glyph,
                    &rows,
                    (&[], placed),
                    (xf, yf),
                )?,
                variant(
                    r,
                    renderer,
                    "nonselection_glyph",
                    glyph,
                    &rows,
                    (FADED, placed),
                    (xf, yf),
                )?,
            )
        };
        let muted_glyph = if muted {
            variant(
                r,
                renderer,
                "muted_glyph",
                glyph,
                &rows,
                (FADED, placed),
                (xf, yf),
            )?
        } else {
            None
        };
        Ok(Some(RendererView {
            model: renderer,
            x_range_name,
            y_range_name,
            visible: r.flag(renderer, "visible")?,
            muted,
            glyph: main,
            nonselection,
            selection,
            muted_glyph,
            selected,
            hover,
            inspected,
            hover_whole: INSPECTED_WHOLE.contains(&r.type_name(glyph)),
            rows,
            mapping: match r.reference(renderer, "coordinates")? {
                Some(mapping) => Some(Mapping::read(r, mapping)?),
                None => None,
            },
        }))
    }

    /// The data's bounds, in the plot's coordinates.
    pub fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let (x, y) = self.glyph.bounds();
        match self.mapping {
            Some(m) => (Mapping::bounds(m.x, x), Mapping::bounds(m.y, y)),
            None => (x, y),
        }
    }

    pub fn paint(&self, p: &mut Paint<'_>) -> Result<(), RenderError> {
        if !self.visible {
            return Ok(());
        }
        let glyph = match (&self.muted_glyph, self.muted) {
            (Some(m), true) => &**m,
            _ => &*self.glyph,
        };
        let hover = self.hover.as_deref();
        // Rows the glyphs below draw: those the hover glyph does not draw over.
        let drawn = |i: &usize| {
            hover.is_none() || self.hover_whole || self.inspected.binary_search(i).is_err()
        };
        match (&self.selection, &self.nonselection) {
            (Some(sel), Some(non)) if !self.muted => {
                let (selected, unselected): (Vec<usize>, Vec<usize>) = (0..self.glyph.len())
                    .filter(drawn)
                    .partition(|i| self.selected.binary_search(i).is_ok());
                non.paint(p, Some(&unselected))?;
                sel.paint(p, Some(&selected))?;
            }
            _ => match hover {
                // A line or area inspected is drawn by its hover glyph alone.
                Some(_) if self.hover_whole => {}
                Some(_) => {
                    let rest: Vec<usize> = (0..self.glyph.len()).filter(drawn).collect();
                    glyph.paint(p, Some(&rest))?;
                }
                None => glyph.paint(p, None)?,
            },
        }
        match hover {
            Some(h) if self.hover_whole => h.paint(p, None),
            Some(h) => h.paint(p, Some(&self.inspected)),
            None => Ok(()),
        }
    }

    /// The source rows a box or lasso over `region` selects, if the glyph answers one.
    pub fn hit_region(&self, maps: &super::scales::Maps, region: &Region) -> Option<Vec<usize>> {
        let rows = self.glyph.hit_region(maps, region)?;
        Some(rows.into_iter().map(|i| self.rows.source_row(i)).collect())
    }

    /// The source rows hit at `at` (device pixels).
    pub fn hit_point(&self, maps: &super::scales::Maps, at: (f64, f64)) -> Vec<usize> {
        self.glyph
            .hit_point(maps, at)
            .into_iter()
            .map(|i| self.rows.source_row(i))
            .collect()
    }
}
