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
mod scale_bar;
mod slope;
mod span;
mod whisker;

use crate::core::Rgba;
use crate::document::AnyId;

use super::layout::{LegendHit, Side};
use super::ranges::{FactorMap, Interval};
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
