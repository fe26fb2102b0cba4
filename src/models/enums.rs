//! Bokeh's enumerations (`bokeh.core.enums`) that rokeh's models use by name.

use crate::bokeh_enum;

bokeh_enum! {
    /// Where text sits against its anchor, horizontally.
    pub enum TextAlign { Left = "left", Right = "right", Center = "center" }
}

bokeh_enum! {
    /// How two segments of a line meet.
    pub enum LineJoin { Miter = "miter", Round = "round", Bevel = "bevel" }
}

bokeh_enum! {
    /// How a line ends.
    pub enum LineCap { Butt = "butt", Round = "round", Square = "square" }
}
