//! Annotations: one file per Bokeh annotation behind one trait ([`AnnotationView`]),
//! registered in one table ([`ANNOTATIONS`]). An annotation sits in the frame (drawn over
//! it in data or screen units) or in a side panel (sized like an axis).

mod arrow;
mod band;
mod box_annotation;
mod color_bar;
mod dimensional;
mod label;
mod label_set;
mod legend;
mod poly_annotation;
mod scale_bar;
mod slope;
mod span;
mod whisker;

use crate::core::Rgba;
use crate::document::AnyId;
use crate::models::CoordinateUnits;

use super::hatch::hatch_pattern;
use super::layout::{LegendHit, Side};
use super::ranges::{Bounds, FactorMap, Interval};
use super::read::Reader;
use super::renderer::RendererView;
use super::scales::Maps;
use super::surface::{FillRule, Path, Rect, Stroke, Surface, TextMeasure};
use super::RenderError;

/// What an annotation paints with.
pub(crate) struct AnnotationCtx<'s, 'v, 'd> {
    pub surface: &'s mut dyn Surface,
    /// The frame, in device pixels.
    pub frame: Rect,
    /// Its side panel, in CSS pixels, when it is in one.
    pub panel: Option<(Side, Rect)>,
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// The scales of a pair of range names.
    pub maps: &'v dyn Fn(&str, &str) -> Maps,
    /// The factors of an x (true) or y range name, when categorical.
    pub factors: &'v dyn Fn(&str, bool) -> Option<&'v FactorMap>,
    /// The resolved interval of one of the plot's ranges, by its model.
    pub interval: &'v dyn Fn(AnyId) -> Option<Interval>,
    /// The plot's glyph renderers (legends draw their swatches).
    pub renderers: &'v [RendererView<'d>],
    /// Clickable legend entries, collected.
    pub legend_hits: &'s mut Vec<LegendHit>,
}

pub(crate) trait AnnotationView {
    /// Its side panel's depth in CSS pixels (only annotations that can sit in one).
    fn size(&self, _m: &dyn TextMeasure, _side: Side, _frame: Rect) -> f64 {
        0.0
    }
    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError>;
    /// Whether what it draws may change with the columns of a source (its own, or its
    /// renderers'): unless it says not, a paint after new data draws it again.
    fn reads_data(&self) -> bool {
        true
    }
    /// What it adds to the DataRange1ds that follow it, as BokehJS's auto-ranged
    /// annotations (BoxAnnotation, PolyAnnotation) do: nothing unless it says.
    fn extent(&self) -> Option<Extent<'_>> {
        None
    }
}

/// An annotation's extent in data units along x and y (`None` along an axis where it has
/// none: an edge unset or in screen units), on its range names.
pub(crate) struct Extent<'a> {
    pub x: Option<Bounds>,
    pub y: Option<Bounds>,
    pub x_range_name: &'a str,
    pub y_range_name: &'a str,
    pub visible: bool,
}

pub(crate) type BuildAnnotation =
    for<'d> fn(Reader<'d>, AnyId) -> Result<Box<dyn AnnotationView + 'd>, RenderError>;

/// Every annotation type rokeh draws, by Bokeh type name, sorted.
pub(crate) const ANNOTATIONS: &[(&str, BuildAnnotation)] = &[
    ("Arrow", arrow::build),
    ("Band", band::build),
    ("BoxAnnotation", box_annotation::build),
    ("ColorBar", color_bar::build),
    ("ContourColorBar", color_bar::build),
    ("Label", label::build),
    ("LabelSet", label_set::build),
    ("Legend", legend::build),
    ("PolyAnnotation", poly_annotation::build),
    // Not an annotation: a RangeTool's box, drawn as the plot's own.
    ("RangeTool", box_annotation::range_overlay),
    ("ScaleBar", scale_bar::build),
    ("Slope", slope::build),
    ("Span", span::build),
    ("Whisker", whisker::build),
];

/// The builder of an annotation type, if rokeh draws it (in a page: if its views list it).
pub(crate) fn builder(type_name: &str) -> Option<BuildAnnotation> {
    #[cfg(target_arch = "wasm32")]
    return super::shown::annotation(type_name);
    #[cfg(not(target_arch = "wasm32"))]
    ANNOTATIONS
        .binary_search_by(|(name, _)| name.cmp(&type_name))
        .ok()
        .map(|at| ANNOTATIONS[at].1)
}

/// A box of a legend or a bar (device pixels), as BokehJS draws one: filled, then its
/// border (in CSS pixels, `dpr` device pixels each) stroked over the fill.
pub(crate) fn paint_box(
    s: &mut dyn Surface,
    rect: Rect,
    background: Option<Rgba>,
    border: Option<&Stroke>,
    dpr: f64,
) {
    let mut path = Path::new();
    path.rect(rect);
    if let Some(bg) = background {
        s.fill(&path, bg, FillRule::NonZero);
    }
    if let Some(border) = border {
        s.stroke(&path, &border.scaled(dpr));
    }
}

/// A coordinate an annotation names: a number, or a factor of a categorical range.
pub(crate) fn coordinate(v: &crate::document::Value, factors: Option<&FactorMap>) -> Option<f64> {
    match factors {
        Some(f) => f.synthetic(v),
        None => v.as_f64(),
    }
}

/// Where an annotation's coordinate `v` in `units` lands along x (`along_x`) or y, in
/// device pixels, as BokehJS maps it: through the plot's scale (`map`: data units), from
/// the frame's left or bottom with y up (screen units), or from the canvas' left or top
/// (canvas units).
pub(crate) fn place(
    c: &AnnotationCtx<'_, '_, '_>,
    units: CoordinateUnits,
    along_x: bool,
    v: f64,
    map: &dyn Fn(f64) -> f64,
) -> f64 {
    match (units, along_x) {
        (CoordinateUnits::Data, _) => map(v),
        (CoordinateUnits::Screen, true) => c.frame.x + v * c.scale,
        (CoordinateUnits::Screen, false) => c.frame.bottom() - v * c.scale,
        (CoordinateUnits::Canvas, _) => v * c.scale,
    }
}

/// An area annotation's look and place (BoxAnnotation's, PolyAnnotation's): its fill,
/// hatch and outline, whether it shows, and the ranges it is drawn on.
#[derive(Default)]
pub(crate) struct Area {
    fill: Option<Rgba>,
    hatch: Option<Hatch>,
    line: Option<Stroke>,
    pub visible: bool,
    pub x_range_name: String,
    pub y_range_name: String,
}

/// Its scalar `hatch_*` properties.
struct Hatch {
    pattern: String,
    color: Rgba,
    scale: f64,
    weight: f64,
}

impl Area {
    pub(crate) fn read(r: Reader<'_>, any: AnyId) -> Result<Area, RenderError> {
        let hatch = match r.get::<Option<String>>(any, "hatch_pattern")? {
            Some(pattern) => r
                .color(any, "hatch_color", Some("hatch_alpha"))?
                .map(|color| Hatch {
                    pattern,
                    color,
                    scale: r.number(any, "hatch_scale").unwrap_or(12.0),
                    weight: r.number(any, "hatch_weight").unwrap_or(1.0),
                }),
            None => None,
        };
        Ok(Area {
            fill: r.fill(any, "")?,
            hatch,
            line: r.stroke(any, "", 1.0)?,
            visible: r.flag(any, "visible")?,
            x_range_name: r.string(any, "x_range_name")?,
            y_range_name: r.string(any, "y_range_name")?,
        })
    }

    /// Its extent along x and y (data units) on its ranges.
    pub(crate) fn extent(&self, x: Option<Bounds>, y: Option<Bounds>) -> Extent<'_> {
        Extent {
            x,
            y,
            x_range_name: &self.x_range_name,
            y_range_name: &self.y_range_name,
            visible: self.visible,
        }
    }

    /// Fills and hatches `path` (when `filled`), then strokes it, for `dpr` device pixels
    /// per CSS pixel.
    pub(crate) fn paint(&self, s: &mut dyn Surface, path: &Path, filled: bool, dpr: f64) {
        if filled {
            if let Some(fill) = self.fill {
                s.fill(path, fill, FillRule::NonZero);
            }
            if let Some(h) = &self.hatch {
                if let Some(p) =
                    hatch_pattern(&h.pattern, h.color, h.scale * dpr, h.weight * dpr, dpr)
                {
                    s.fill_pattern(path, &p, FillRule::NonZero);
                }
            }
        }
        if let Some(line) = &self.line {
            s.stroke(path, &line.scaled(dpr));
        }
    }
}

/// Every row of an annotation's `source` (one without columns or with none: one row).
pub(crate) fn source_rows(r: Reader<'_>, model: AnyId) -> Result<super::specs::Rows, RenderError> {
    let source = r.reference(model, "source")?;
    let len = r.rows_of(source);
    Ok(super::specs::Rows {
        source,
        indices: None,
        len,
    })
}
