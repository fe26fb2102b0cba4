//! Area glyphs: VArea, HArea and their steps, Patch, Patches, MultiPolygons, HexTile.

use crate::core::{Color, ColorSpec, NumberSpec, Spec};
use crate::models::enums::{HexTileOrientation, LineCap, LineJoin, StepMode};
use crate::models::props::DashPattern;

models! {
    /// The area between two curves `y1` and `y2` over `x`.
    pub struct VArea("VArea") {
        x: NumberSpec = Spec::field("x"),
        y1: NumberSpec = Spec::field("y1"),
        y2: NumberSpec = Spec::field("y2"),
        fill_alpha: f64 = 1.0,
        fill_color: Option<Color> = Some("gray".into()),
        hatch_alpha: NumberSpec = Spec::Value(1.0),
        hatch_color: ColorSpec = Spec::Value(Some("black".into())),
        hatch_pattern: Spec<Option<String>> = Spec::Value(None),
        hatch_scale: NumberSpec = Spec::Value(12.0),
        hatch_weight: NumberSpec = Spec::Value(1.0),
    }

    /// The area between two curves `x1` and `x2` over `y`.
    pub struct HArea("HArea") {
        x1: NumberSpec = Spec::field("x1"),
        x2: NumberSpec = Spec::field("x2"),
        y: NumberSpec = Spec::field("y"),
        fill_alpha: f64 = 1.0,
        fill_color: Option<Color> = Some("gray".into()),
        hatch_alpha: NumberSpec = Spec::Value(1.0),
        hatch_color: ColorSpec = Spec::Value(Some("black".into())),
        hatch_pattern: Spec<Option<String>> = Spec::Value(None),
        hatch_scale: NumberSpec = Spec::Value(12.0),
        hatch_weight: NumberSpec = Spec::Value(1.0),
    }

    /// The area between two step curves over `x`.
    pub struct VAreaStep("VAreaStep") {
        step_mode: StepMode = StepMode::Before,
        x: NumberSpec = Spec::field("x"),
        y1: NumberSpec = Spec::field("y1"),
        y2: NumberSpec = Spec::field("y2"),
        fill_alpha: f64 = 1.0,
        fill_color: Option<Color> = Some("gray".into()),
        hatch_alpha: NumberSpec = Spec::Value(1.0),
        hatch_color: ColorSpec = Spec::Value(Some("black".into())),
        hatch_pattern: Spec<Option<String>> = Spec::Value(None),
        hatch_scale: NumberSpec = Spec::Value(12.0),
        hatch_weight: NumberSpec = Spec::Value(1.0),
    }

    /// The area between two step curves over `y`.
    pub struct HAreaStep("HAreaStep") {
        step_mode: StepMode = StepMode::Before,
        x1: NumberSpec = Spec::field("x1"),
        x2: NumberSpec = Spec::field("x2"),
        y: NumberSpec = Spec::field("y"),
        fill_alpha: f64 = 1.0,
        fill_color: Option<Color> = Some("gray".into()),
        hatch_alpha: NumberSpec = Spec::Value(1.0),
        hatch_color: ColorSpec = Spec::Value(Some("black".into())),
        hatch_pattern: Spec<Option<String>> = Spec::Value(None),
        hatch_scale: NumberSpec = Spec::Value(12.0),
        hatch_weight: NumberSpec = Spec::Value(1.0),
    }

    /// One polygon through every row's (x, y); NaN separates polygons.
    pub struct Patch("Patch") {
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
        fill_alpha: f64 = 1.0,
        fill_color: Option<Color> = Some("gray".into()),
        hatch_alpha: f64 = 1.0,
        hatch_color: Option<Color> = Some("black".into()),
        hatch_pattern: Option<String> = None,
        hatch_scale: f64 = 12.0,
        hatch_weight: f64 = 1.0,
        line_alpha: f64 = 1.0,
        line_cap: LineCap = LineCap::Butt,
        line_color: Option<Color> = Some("black".into()),
        line_dash: DashPattern = DashPattern::SOLID,
        line_dash_offset: i64 = 0,
        line_join: LineJoin = LineJoin::Bevel,
        line_width: f64 = 1.0,
    }

    /// One polygon per row: `xs` and `ys` hold its corners.
    pub struct Patches("Patches") {
        xs: NumberSpec = Spec::field("xs"),
        ys: NumberSpec = Spec::field("ys"),
        fill_alpha: NumberSpec = Spec::Value(1.0),
        fill_color: ColorSpec = Spec::Value(Some("gray".into())),
        hatch_alpha: NumberSpec = Spec::Value(1.0),
        hatch_color: ColorSpec = Spec::Value(Some("black".into())),
        hatch_pattern: Spec<Option<String>> = Spec::Value(None),
        hatch_scale: NumberSpec = Spec::Value(12.0),
        hatch_weight: NumberSpec = Spec::Value(1.0),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// Polygons with holes, several per row: `xs[row][polygon][ring]`.
    pub struct MultiPolygons("MultiPolygons") {
        xs: NumberSpec = Spec::field("xs"),
        ys: NumberSpec = Spec::field("ys"),
        fill_alpha: NumberSpec = Spec::Value(1.0),
        fill_color: ColorSpec = Spec::Value(Some("gray".into())),
        hatch_alpha: NumberSpec = Spec::Value(1.0),
        hatch_color: ColorSpec = Spec::Value(Some("black".into())),
        hatch_pattern: Spec<Option<String>> = Spec::Value(None),
        hatch_scale: NumberSpec = Spec::Value(12.0),
        hatch_weight: NumberSpec = Spec::Value(1.0),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// Hexagonal tiles at axial coordinates (q, r), `size` from centre to corner.
    pub struct HexTile("HexTile") {
        aspect_scale: f64 = 1.0,
        orientation: HexTileOrientation = HexTileOrientation::PointyTop,
        q: NumberSpec = Spec::field("q"),
        r: NumberSpec = Spec::field("r"),
        scale: NumberSpec = Spec::Value(1.0),
        size: f64 = 1.0,
        fill_alpha: NumberSpec = Spec::Value(1.0),
        fill_color: ColorSpec = Spec::Value(Some("gray".into())),
        hatch_alpha: NumberSpec = Spec::Value(1.0),
        hatch_color: ColorSpec = Spec::Value(Some("black".into())),
        hatch_pattern: Spec<Option<String>> = Spec::Value(None),
        hatch_scale: NumberSpec = Spec::Value(12.0),
        hatch_weight: NumberSpec = Spec::Value(1.0),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(None),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }
}
