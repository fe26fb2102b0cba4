//! Renderers: what a plot draws in its frame.

use crate::core::{AnyId, Id};

use super::ColumnDataSource;

models! {
    /// Draws a glyph with the columns of a data source.
    pub struct GlyphRenderer("GlyphRenderer") {
        data_source: Id<ColumnDataSource>,
        glyph: AnyId,
        visible: bool = true,
    }
}
