//! Plots: the Figure model (Bokeh's `Plot` as `bokeh.plotting.figure` makes it). The
//! `plotting` module builds one with its axes, grids and ranges.

use crate::core::{AnyId, Color, Dict, Id};

use super::enums::{LineCap, LineJoin, Place, SizingMode};
use super::props::DashPattern;
use super::Title;

models! {
    /// A plot: a frame with renderers in it and axes, grids and annotations around it.
    pub struct Figure("Figure") {
        title: Option<Id<Title>> = None,
        title_location: Option<Place> = Some(Place::Above),
        width: Option<i64> = Some(600),
        height: Option<i64> = Some(600),
        /// The frame's own size, when set (the plot grows around it).
        frame_width: Option<i64> = None,
        frame_height: Option<i64> = None,
        /// `stretch_width`: the plot follows its container's width (and the window's).
        sizing_mode: Option<SizingMode> = None,
        /// Bokeh makes a DataRange1d and a LinearScale for each left unset;
        /// `plotting::figure` does the same.
        x_range: Option<AnyId> = None,
        y_range: Option<AnyId> = None,
        x_scale: Option<AnyId> = None,
        y_scale: Option<AnyId> = None,
        /// More ranges by name, for renderers and axes whose `x_range_name` says so.
        extra_x_ranges: Dict<AnyId> = Dict::default(),
        extra_y_ranges: Dict<AnyId> = Dict::default(),
        extra_x_scales: Dict<AnyId> = Dict::default(),
        extra_y_scales: Dict<AnyId> = Dict::default(),
        renderers: Vec<AnyId> = Vec::new(),
        below: Vec<AnyId> = Vec::new(),
        left: Vec<AnyId> = Vec::new(),
        above: Vec<AnyId> = Vec::new(),
        right: Vec<AnyId> = Vec::new(),
        center: Vec<AnyId> = Vec::new(),
        toolbar: Option<AnyId> = None,
        toolbar_location: Option<Place> = Some(Place::Right),
        min_border: Option<i64> = Some(5),
        min_border_left: Option<i64> = None,
        min_border_right: Option<i64> = None,
        min_border_top: Option<i64> = None,
        min_border_bottom: Option<i64> = None,
        background_fill_color: Option<Color> = Some("#ffffff".into()),
        background_fill_alpha: f64 = 1.0,
        border_fill_color: Option<Color> = Some("#ffffff".into()),
        border_fill_alpha: f64 = 1.0,
        outline_line_color: Option<Color> = Some("#e5e5e5".into()),
        outline_line_alpha: f64 = 1.0,
        outline_line_width: f64 = 1.0,
        outline_line_cap: LineCap = LineCap::Butt,
        outline_line_join: LineJoin = LineJoin::Bevel,
        outline_line_dash: DashPattern = DashPattern::SOLID,
        outline_line_dash_offset: i64 = 0,
        match_aspect: bool = false,
        aspect_scale: f64 = 1.0,
        visible: bool = true,
    }
    // bokeh.models' Plot: bokeh.plotting's figure adds helpers in Python, no property.
    also = ["Plot"];
}
