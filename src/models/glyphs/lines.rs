//! Line glyphs: Line, MultiLine, Step, Segment, Ray, HSpan, VSpan, and the curves Arc,
//! Bezier and Quadratic.

use crate::core::{Color, ColorSpec, NumberSpec, Spec};
use crate::models::enums::{Direction, LineCap, LineJoin, StepMode};
use crate::models::props::DashPattern;

models! {
    /// A line through the points (`x[i]`, `y[i]`); NaN breaks it.
    pub struct Line("Line") {
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
        line_alpha: f64 = 1.0,
        line_cap: LineCap = LineCap::Butt,
        line_color: Option<Color> = Some("black".into()),
        line_dash: DashPattern = DashPattern::SOLID,
        line_dash_offset: i64 = 0,
        line_join: LineJoin = LineJoin::Bevel,
        line_width: f64 = 1.0,
    }

    /// One line per row: `xs` and `ys` hold a list of coordinates in each row.
    pub struct MultiLine("MultiLine") {
        xs: NumberSpec = Spec::field("xs"),
        ys: NumberSpec = Spec::field("ys"),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// A staircase through the points, stepping before, after or centred on each.
    pub struct Step("Step") {
        mode: StepMode = StepMode::Before,
        pad_after: f64 = 0.0,
        pad_before: f64 = 0.0,
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
        line_alpha: f64 = 1.0,
        line_cap: LineCap = LineCap::Butt,
        line_color: Option<Color> = Some("black".into()),
        line_dash: DashPattern = DashPattern::SOLID,
        line_dash_offset: i64 = 0,
        line_join: LineJoin = LineJoin::Bevel,
        line_width: f64 = 1.0,
    }

    /// A straight segment from (x0, y0) to (x1, y1) per row.
    pub struct Segment("Segment") {
        x0: NumberSpec = Spec::field("x0"),
        x1: NumberSpec = Spec::field("x1"),
        y0: NumberSpec = Spec::field("y0"),
        y1: NumberSpec = Spec::field("y1"),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// A horizontal line across the frame at `y`, per row.
    pub struct HSpan("HSpan") {
        y: NumberSpec = Spec::field("y"),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// A vertical line across the frame at `x`, per row.
    pub struct VSpan("VSpan") {
        x: NumberSpec = Spec::field("x"),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// A ray from (x, y) at `angle`, `length` long (0: to the edge of the frame).
    pub struct Ray("Ray") {
        angle: NumberSpec = Spec::Value(0.0),
        length: NumberSpec = Spec::Value(0.0),
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// An arc of the circle centred on (x, y), `radius` long, from `start_angle` to
    /// `end_angle` (counter-clockwise unless `direction` says clock).
    pub struct Arc("Arc") {
        direction: Direction = Direction::Anticlock,
        end_angle: NumberSpec = Spec::field("end_angle"),
        radius: NumberSpec = Spec::field("radius"),
        start_angle: NumberSpec = Spec::field("start_angle"),
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// A cubic Bézier curve from (x0, y0) to (x1, y1) bent towards the control points
    /// (cx0, cy0) and (cx1, cy1), per row.
    pub struct Bezier("Bezier") {
        cx0: NumberSpec = Spec::field("cx0"),
        cx1: NumberSpec = Spec::field("cx1"),
        cy0: NumberSpec = Spec::field("cy0"),
        cy1: NumberSpec = Spec::field("cy1"),
        x0: NumberSpec = Spec::field("x0"),
        x1: NumberSpec = Spec::field("x1"),
        y0: NumberSpec = Spec::field("y0"),
        y1: NumberSpec = Spec::field("y1"),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// A quadratic Bézier curve from (x0, y0) to (x1, y1) bent towards the control point
    /// (cx, cy), per row.
    pub struct Quadratic("Quadratic") {
        cx: NumberSpec = Spec::field("cx"),
        cy: NumberSpec = Spec::field("cy"),
        x0: NumberSpec = Spec::field("x0"),
        x1: NumberSpec = Spec::field("x1"),
        y0: NumberSpec = Spec::field("y0"),
        y1: NumberSpec = Spec::field("y1"),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }
}

impl Line {
    /// A line through the columns `x` and `y`, every other property at Bokeh's default,
    /// as Python's `p.line("x", "y", …)`.
    pub fn new(x: &str, y: &str) -> Line {
        Line {
            x: Spec::field(x),
            y: Spec::field(y),
            ..Line::default()
        }
    }
}
