//! Interaction, sans I/O: what Bokeh's tools do to a document, as BokehJS does it, for
//! the page (and tests) to drive with pointer, wheel and touch gestures. `gesture` holds
//! the arithmetic (screen intervals through the paint's scales to new data ranges);
//! `ranges` writes ranges into the document as ordinary changes, with the UI events
//! BokehJS sends; `select` makes selections from regions; `hover` finds and describes
//! what is under the pointer (glyphs with extent through their own hit tests in
//! `render`); `range_tool` moves another plot's ranges by a RangeTool's box; `graph` reaches a graph's nodes and edges by its policies; `tools` reads a
//! toolbar as
//! BokehJS's Toolbar shows it; `cube` groups and totals a DataCube's rows as BokehJS's
//! DataCube does.

mod cube;
mod gesture;
mod graph;
mod hover;
mod range_tool;
mod ranges;
mod select;
mod tools;

pub use crate::render::Region;
pub use cube::{
    group_rows, shown_rows, target_data, write_target, Aggregate, Aggregator, CubeRow, Group,
    GroupPath, Grouping,
};
pub use gesture::{
    box_limits, box_zoom, pan, pan_dims, pinch_delta, wheel_zoom, zoom_button, BoxZoom, Over,
    RangeChange, View, WheelZoom,
};
pub use graph::{linked_inspection, Purpose};
pub use hover::{
    cell_text, dom_html, dom_markup, dom_style, fill, inspect, Hit, Policy, Spot, HOVER_REACH,
};
pub use range_tool::{set_ranges, RangeDrag};
pub use ranges::{Motion, Navigation, Steps};
pub use select::{
    combine, nearest, point_of, rows_at, rows_in, select, selection_geometry, tap_geometry,
};
pub use tools::{
    dimensions, items_fitting, toolbar_groups, Gesture, Modifiers, ToolInfo, ToolKind, Tools,
};
