//! Renderers: what a plot draws in its frame.

use crate::core::AnyId;

use super::props::AutoOr;
use super::SourceId;

models! {
    /// Draws a glyph with the columns of a data source; selected rows with
    /// `selection_glyph`, the others (while some are selected) with `nonselection_glyph`,
    /// and everything with `muted_glyph` while muted. "auto" is the glyph itself, faded
    /// as BokehJS fades it.
    pub struct GlyphRenderer("GlyphRenderer") {
        data_source: SourceId,
        glyph: AnyId,
        view: Option<AnyId> = None,
        visible: bool = true,
        muted: bool = false,
        selection_glyph: Option<AutoOr<AnyId>> = Some(AutoOr::Auto),
        nonselection_glyph: Option<AutoOr<AnyId>> = Some(AutoOr::Auto),
        hover_glyph: Option<AnyId> = None,
        muted_glyph: Option<AutoOr<AnyId>> = Some(AutoOr::Auto),
        x_range_name: String = "default",
        y_range_name: String = "default",
    }
}

impl GlyphRenderer {
    /// A renderer drawing `glyph` with the columns of `source`, with Bokeh's defaults.
    pub fn new(source: impl Into<SourceId>, glyph: AnyId) -> GlyphRenderer {
        GlyphRenderer {
            data_source: source.into(),
            glyph,
            view: None,
            visible: true,
            muted: false,
            selection_glyph: Some(AutoOr::Auto),
            nonselection_glyph: Some(AutoOr::Auto),
            hover_glyph: None,
            muted_glyph: Some(AutoOr::Auto),
            x_range_name: "default".into(),
            y_range_name: "default".into(),
        }
    }
}
