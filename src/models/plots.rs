//! Plots: the Figure model (Bokeh's `Plot` as `bokeh.plotting.figure` makes it). The
//! `plotting` module builds one with its axes, grids and ranges.

use crate::core::{AnyId, Color, Id};

use super::enums::SizingMode;
use super::{GlyphRenderer, Title};

models! {
    /// A plot: a frame with renderers in it and axes, grids and annotations around it.
    pub struct Figure("Figure") {
        title: Option<Id<Title>> = None,
        width: Option<i64> = Some(600),
        height: Option<i64> = Some(600),
        /// `stretch_width`: the plot follows its container's width (and the window's).
        sizing_mode: Option<SizingMode> = None,
        /// Bokeh makes a DataRange1d and a LinearScale for each left unset;
        /// `plotting::figure` does the same.
        x_range: Option<AnyId> = None,
        y_range: Option<AnyId> = None,
        x_scale: Option<AnyId> = None,
        y_scale: Option<AnyId> = None,
        renderers: Vec<Id<GlyphRenderer>> = Vec::new(),
        below: Vec<AnyId> = Vec::new(),
        left: Vec<AnyId> = Vec::new(),
        above: Vec<AnyId> = Vec::new(),
        right: Vec<AnyId> = Vec::new(),
        center: Vec<AnyId> = Vec::new(),
        background_fill_color: Option<Color> = Some("#ffffff".into()),
        border_fill_color: Option<Color> = Some("#ffffff".into()),
        outline_line_color: Option<Color> = Some("#e5e5e5".into()),
    }
}
