//! Bokeh's enumerations (`bokeh.core.enums`) that rokeh's models use by name.

use crate::bokeh_enum;

bokeh_enum! {
    /// What closing a [`Dialog`](super::Dialog) does: hides it (`visible` false, opened
    /// again as it was) or lets it go (built anew when opened again).
    pub enum CloseAction { Hide = "hide", Destroy = "destroy" }
}

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

bokeh_enum! {
    /// Where text sits against its anchor, vertically.
    pub enum TextBaseline {
        Top = "top",
        Middle = "middle",
        Bottom = "bottom",
        Alphabetic = "alphabetic",
        Hanging = "hanging",
        Ideographic = "ideographic",
    }
}

bokeh_enum! {
    /// A font's style.
    pub enum FontStyle {
        Normal = "normal",
        Italic = "italic",
        Bold = "bold",
        BoldItalic = "bold italic",
    }
}

bokeh_enum! {
    /// The shapes a Scatter draws (Bokeh's `MarkerType`).
    pub enum MarkerType {
        Asterisk = "asterisk",
        Circle = "circle",
        CircleCross = "circle_cross",
        CircleDot = "circle_dot",
        CircleX = "circle_x",
        CircleY = "circle_y",
        Cross = "cross",
        Dash = "dash",
        Diamond = "diamond",
        DiamondCross = "diamond_cross",
        DiamondDot = "diamond_dot",
        Dot = "dot",
        Hex = "hex",
        HexDot = "hex_dot",
        InvertedTriangle = "inverted_triangle",
        Plus = "plus",
        Square = "square",
        SquareCross = "square_cross",
        SquareDot = "square_dot",
        SquarePin = "square_pin",
        SquareX = "square_x",
        Star = "star",
        StarDot = "star_dot",
        Triangle = "triangle",
        TriangleDot = "triangle_dot",
        TrianglePin = "triangle_pin",
        X = "x",
        Y = "y",
    }
}

bokeh_enum! {
    /// Where a step sits against its point (Step's `mode`, the area steps' `step_mode`).
    pub enum StepMode { Before = "before", After = "after", Center = "center" }
}

bokeh_enum! {
    /// Which way round a wedge goes from its start angle to its end angle.
    pub enum Direction { Clock = "clock", Anticlock = "anticlock" }
}

bokeh_enum! {
    /// Which way a legend lays out its items, a color bar its colors, or a group of
    /// buttons runs.
    pub enum Orientation { Horizontal = "horizontal", Vertical = "vertical" }
}

bokeh_enum! {
    /// A side of a plot.
    pub enum Place { Above = "above", Below = "below", Left = "left", Right = "right" }
}

bokeh_enum! {
    /// Where a part sits along a box's side: at its start, centre or end (Bokeh's
    /// `Align`).
    pub enum Align { Start = "start", Center = "center", End = "end" }
}

bokeh_enum! {
    /// What a position's numbers are in (Bokeh's `PositionUnits`): data units, CSS pixels
    /// from the frame's top-left (`Screen`) or bottom-left (`View`) corner, or fractions
    /// of the frame from its top-left corner (`Percent`).
    pub enum PositionUnits {
        Data = "data",
        Screen = "screen",
        View = "view",
        Percent = "percent",
    }
}

bokeh_enum! {
    /// What a scale bar's `bar_length` is in: CSS pixels (a fraction of the frame when at
    /// most 1), data units, or a fraction of the frame.
    pub enum LengthUnits { Screen = "screen", Data = "data", Percent = "percent" }
}

bokeh_enum! {
    /// Whether a scale bar's length is rounded up to a "nice" value of its units
    /// (`Adaptive`) or kept as it is (`Exact`).
    pub enum LengthSizing { Adaptive = "adaptive", Exact = "exact" }
}

bokeh_enum! {
    /// What clicking a legend item does to its renderers.
    pub enum LegendClickPolicy { None = "none", Hide = "hide", Mute = "mute" }
}

bokeh_enum! {
    /// How hexagonal tiles stand.
    pub enum HexTileOrientation { PointyTop = "pointytop", FlatTop = "flattop" }
}

bokeh_enum! {
    /// Which corner of an image its first row and column are.
    pub enum ImageOrigin {
        BottomLeft = "bottom_left",
        TopLeft = "top_left",
        BottomRight = "bottom_right",
        TopRight = "top_right",
    }
}

bokeh_enum! {
    /// Which dimension a Circle's data-unit radius is measured along.
    pub enum RadiusDimension { X = "x", Y = "y", Max = "max", Min = "min" }
}

bokeh_enum! {
    /// A Span across the plot's width (a horizontal line) or its height.
    pub enum Dimension { Width = "width", Height = "height" }
}

bokeh_enum! {
    /// Whether a range's padding is a fraction of its span or in data units.
    pub enum PaddingUnits { Percent = "percent", Absolute = "absolute" }
}

bokeh_enum! {
    /// Which end of a DataRange1d stays put when it follows the data.
    pub enum StartEnd { Start = "start", End = "end" }
}

bokeh_enum! {
    /// A random distribution (Jitter's).
    pub enum Distribution { Uniform = "uniform", Normal = "normal" }
}

bokeh_enum! {
    /// How a layout element takes its size (`sizing_mode`).
    pub enum SizingMode {
        StretchWidth = "stretch_width",
        StretchHeight = "stretch_height",
        StretchBoth = "stretch_both",
        ScaleWidth = "scale_width",
        ScaleHeight = "scale_height",
        ScaleBoth = "scale_both",
        Fixed = "fixed",
        Inherit = "inherit",
    }
}

bokeh_enum! {
    /// A button's look (`button_type`).
    pub enum ButtonType {
        Default = "default",
        Primary = "primary",
        Success = "success",
        Warning = "warning",
        Danger = "danger",
        Light = "light",
    }
}

bokeh_enum! {
    /// Whether a numeric input takes whole numbers or any.
    pub enum NumericMode { Int = "int", Float = "float" }
}

bokeh_enum! {
    /// How an autocomplete input matches its completions.
    pub enum SearchStrategy { StartsWith = "starts_with", Includes = "includes" }
}

bokeh_enum! {
    /// Where a Tabs layout puts its tab headers.
    pub enum TabsLocation { Above = "above", Below = "below", Left = "left", Right = "right" }
}

bokeh_enum! {
    /// Which directions a tool acts in (Bokeh's `Dimensions`).
    pub enum Dimensions { Width = "width", Height = "height", Both = "both" }
}

bokeh_enum! {
    /// How a toolbar shows its logo (Bokeh's `Logo`): in colour, or greyed.
    pub enum Logo { Normal = "normal", Grey = "grey" }
}

bokeh_enum! {
    /// Where a dragged box starts: a corner, or its centre (Bokeh's `BoxOrigin`).
    pub enum BoxOrigin { Corner = "corner", Center = "center" }
}

bokeh_enum! {
    /// How a new selection combines with the one before (Bokeh's `SelectionMode`);
    /// `Toggle` is TapTool's alone.
    pub enum SelectionMode {
        Replace = "replace",
        Append = "append",
        Intersect = "intersect",
        Subtract = "subtract",
        Xor = "xor",
        Toggle = "toggle",
    }
}

bokeh_enum! {
    /// What a TapTool does to what it hits (Bokeh's `TapBehavior`).
    pub enum TapBehavior { Select = "select", Inspect = "inspect" }
}

bokeh_enum! {
    /// What a drag (or tap) off a RangeTool's box does: draw a new one, or nothing
    /// (Bokeh's RangeTool `start_gesture`; "tap" is read, and does nothing in rokeh).
    pub enum RangeStartGesture { Pan = "pan", Tap = "tap", None = "none" }
}

bokeh_enum! {
    /// Which gesture a TapTool answers (Bokeh's `TapGesture`).
    pub enum TapGesture { Tap = "tap", DoubleTap = "doubletap" }
}

bokeh_enum! {
    /// Where a HoverTool looks: under the mouse, or along a vertical or horizontal line
    /// through it (Bokeh's `HoverMode`).
    pub enum HoverMode { Mouse = "mouse", HLine = "hline", VLine = "vline" }
}

bokeh_enum! {
    /// Which point of a hovered line a tooltip reports (Bokeh's `LinePolicy`).
    pub enum LinePolicy {
        Prev = "prev",
        Next = "next",
        Nearest = "nearest",
        Interp = "interp",
        None = "none",
    }
}

bokeh_enum! {
    /// Where a hover tooltip points for a glyph of points (Bokeh's `PointPolicy`): at the
    /// point, or at the pointer.
    pub enum PointPolicy {
        SnapToData = "snap_to_data",
        FollowMouse = "follow_mouse",
        None = "none",
    }
}

bokeh_enum! {
    /// What an annotation's coordinates are in (Bokeh's `CoordinateUnits`).
    pub enum CoordinateUnits { Canvas = "canvas", Screen = "screen", Data = "data" }
}

bokeh_enum! {
    /// The layer a renderer is drawn in, bottom to top (Bokeh's `RenderLevel`).
    pub enum RenderLevel {
        Image = "image",
        Underlay = "underlay",
        Glyph = "glyph",
        Guide = "guide",
        Annotation = "annotation",
        Overlay = "overlay",
    }
}
