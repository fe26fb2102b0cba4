//! Renderers drawn with GlyphRenderers of their own: a graph (edges, then nodes, placed by
//! its layout provider, in [`super::graph`]) and a contour (filled bands, then lines).
//! Each is a view in a page ([`crate::views::GRAPH_RENDERER`],
//! [`crate::views::CONTOUR_RENDERER`]), so a page that draws neither carries neither.

use crate::core::AnyId;

use super::ranges::FactorMap;
use super::read::Reader;
use super::renderer::{part_of, RendererView};
use super::RenderError;

/// Reads a composite renderer as the GlyphRenderers it draws with, in drawing order
/// (none when it is hidden), given the factor maps of its ranges.
pub(crate) type BuildComposite = for<'d> fn(
    Reader<'d>,
    AnyId,
    (Option<&FactorMap>, Option<&FactorMap>),
) -> Result<Vec<RendererView<'d>>, RenderError>;

/// Every composite renderer type rokeh draws, by Bokeh type name, sorted.
pub(crate) const COMPOSITES: &[(&str, BuildComposite)] = &[
    ("ContourRenderer", contour),
    ("GraphRenderer", super::graph::read),
];

/// The reader of a composite renderer type, if rokeh draws it (in a page: if its views
/// list it). Silent: the figure reports a renderer it does not draw.
pub(crate) fn builder(type_name: &str) -> Option<BuildComposite> {
    #[cfg(target_arch = "wasm32")]
    return super::shown::composite(type_name);
    #[cfg(not(target_arch = "wasm32"))]
    COMPOSITES
        .binary_search_by(|(name, _)| name.cmp(&type_name))
        .ok()
        .map(|at| COMPOSITES[at].1)
}

/// A ContourRenderer: its fill renderer's bands, then its line renderer's lines.
fn contour<'d>(
    r: Reader<'d>,
    model: AnyId,
    factors: (Option<&FactorMap>, Option<&FactorMap>),
) -> Result<Vec<RendererView<'d>>, RenderError> {
    if !r.flag(model, "visible")? {
        return Ok(Vec::new());
    }
    let mut views = Vec::new();
    for part in ["fill_renderer", "line_renderer"] {
        views.extend(RendererView::read(r, part_of(r, model, part)?, factors)?);
    }
    Ok(views)
}
