//! Glyph views: one file per Bokeh glyph behind one trait ([`GlyphView`]), registered in
//! one table ([`GLYPHS`]). A view is built from its glyph model and the rows its renderer
//! draws (specs read once, coordinates in data or synthetic factor units); it tells the
//! data bounds DataRange1d follows, paints any subset of its rows on a [`Surface`], draws
//! its legend swatch, and says which rows a screen point hits.

mod annular_wedge;
mod annulus;
mod arc;
mod area;
mod bars;
mod bezier;
mod block;
mod circle;
mod ellipse;
mod harea;
mod hbar;
mod hex_tile;
mod image;
mod image_rgba;
mod image_url;
mod line;
pub(crate) mod markers;
mod multi_line;
mod multi_polygons;
mod ngon;
mod patch;
mod patches;
mod quad;
mod quadratic;
mod ray;
mod rect;
mod scatter;
mod segment;
mod spans;
mod step;
mod strips;
mod text;
mod varea;
mod vbar;
mod wedge;

pub(crate) use line::{nearest_segment, segments_between};

use super::ranges::{Bounds, FactorMap};
use super::region::Region;
use super::scales::Maps;
use super::specs::{Numbers, Specs, Units};
use super::surface::{FillRule, Path, Rect, Surface};
use super::visuals::{FillVisual, HatchVisual, LineVisual};
use super::RenderError;
use crate::models::RadiusDimension;

/// What a glyph view is built from.
pub(crate) struct GlyphInput<'a, 'd> {
    pub specs: Specs<'a, 'd>,
    /// The axes' factors when they are categorical.
    pub x_factors: Option<&'a FactorMap>,
    pub y_factors: Option<&'a FactorMap>,
}

/// Where and how a view paints.
pub(crate) struct Paint<'s> {
    pub surface: &'s mut dyn Surface,
    pub maps: Maps,
    /// The plot frame, in device pixels.
    pub frame: Rect,
}

/// One glyph's rows, ready to paint; see the module docs.
pub(crate) trait GlyphView {
    /// The data's extent along x and y, in data (or synthetic) units.
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>);
    /// Paints rows `rows` (all when `None`), in order.
    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError>;
    /// A small picture of row `row`'s style (a representative one when `None`) in `rect`,
    /// for a legend.
    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>);
    /// The rows drawn at screen point `at` (device pixels), nearest first where that
    /// matters; glyphs without area (lines) hit within a couple of pixels. None for the
    /// glyphs BokehJS hit-tests nothing of (arcs and curves).
    fn hit_point(&self, _maps: &Maps, _at: (f64, f64)) -> Vec<usize> {
        Vec::new()
    }
    /// The rows a box or lasso over `region` selects, as BokehJS's `_hit_rect` and
    /// `_hit_poly` do; `None` for glyphs BokehJS selects no region of.
    fn hit_region(&self, _maps: &Maps, _region: &Region) -> Option<Vec<usize>> {
        None
    }
    /// How many rows the view draws.
    fn len(&self) -> usize;
}

/// Builds a view of a glyph model of one type.
pub(crate) type Build =
    for<'a, 'd> fn(&GlyphInput<'a, 'd>) -> Result<Box<dyn GlyphView + 'd>, RenderError>;

/// Every glyph type rokeh draws, by Bokeh type name, sorted.
pub(crate) const GLYPHS: &[(&str, Build)] = &[
    ("AnnularWedge", annular_wedge::build),
    ("Annulus", annulus::build),
    ("Arc", arc::build),
    ("Bezier", bezier::build),
    ("Block", block::build),
    ("Circle", circle::build),
    ("Ellipse", ellipse::build),
    ("HArea", harea::build),
    ("HAreaStep", harea::build_step),
    ("HBar", hbar::build),
    ("HSpan", spans::build_h),
    ("HStrip", strips::build_h),
    ("HexTile", hex_tile::build),
    ("Image", image::build),
    ("ImageRGBA", image_rgba::build),
    ("ImageURL", image_url::build),
    ("Line", line::build),
    ("MultiLine", multi_line::build),
    ("MultiPolygons", multi_polygons::build),
    ("Ngon", ngon::build),
    ("Patch", patch::build),
    ("Patches", patches::build),
    ("Quad", quad::build),
    ("Quadratic", quadratic::build),
    ("Ray", ray::build),
    ("Rect", rect::build),
    ("Scatter", scatter::build),
    ("Segment", segment::build),
    ("Step", step::build),
    ("TeXGlyph", text::build_tex),
    ("Text", text::build),
    ("VArea", varea::build),
    ("VAreaStep", varea::build_step),
    ("VBar", vbar::build),
    ("VSpan", spans::build_v),
    ("VStrip", strips::build_v),
    ("Wedge", wedge::build),
];

/// The builder of a glyph type, if rokeh draws it (in a page: if its views list it).
pub(crate) fn builder(type_name: &str) -> Option<Build> {
    #[cfg(target_arch = "wasm32")]
    return super::shown::glyph(type_name);
    #[cfg(not(target_arch = "wasm32"))]
    GLYPHS
        .binary_search_by(|(name, _)| name.cmp(&type_name))
        .ok()
        .map(|at| GLYPHS[at].1)
}

/// A glyph's fill, hatch and line, read with the usual names.
pub(crate) struct AreaVisuals {
    pub fill: FillVisual,
    pub hatch: HatchVisual,
    pub line: LineVisual,
}

impl AreaVisuals {
    pub fn read(s: &Specs<'_, '_>) -> Result<AreaVisuals, RenderError> {
        Ok(AreaVisuals {
            fill: FillVisual::read(s, "")?,
            hatch: HatchVisual::read(s, "")?,
            line: LineVisual::read(s, "")?,
        })
    }

    /// Fills, hatches, then strokes `path` with row `i`'s visuals, as BokehJS applies
    /// them.
    pub fn paint(&self, surface: &mut dyn Surface, path: &Path, i: usize, scale: f64) {
        self.paint_rule(surface, path, i, scale, FillRule::NonZero);
    }

    pub fn paint_rule(
        &self,
        surface: &mut dyn Surface,
        path: &Path,
        i: usize,
        scale: f64,
        rule: FillRule,
    ) {
        if let Some(color) = self.fill.color(i) {
            surface.fill(path, color, rule);
        }
        if let Some(pattern) = self.hatch.pattern(i, scale) {
            surface.fill_pattern(path, &pattern, rule);
        }
        if let Some(stroke) = self.line.stroke(i, scale) {
            surface.stroke(path, &stroke);
        }
    }

    /// BokehJS's legend swatch of an area glyph: the rectangle inset by a tenth.
    pub fn legend(&self, surface: &mut dyn Surface, rect: Rect, i: usize, scale: f64) {
        let (dw, dh) = (rect.width * 0.1, rect.height * 0.1);
        let mut path = Path::new();
        path.rect(Rect::new(
            rect.x + dw,
            rect.y + dh,
            rect.width - 2.0 * dw,
            rect.height - 2.0 * dh,
        ));
        self.paint(surface, &path, i, scale);
    }
}

/// BokehJS's legend swatch of a line glyph: a line across the middle.
pub(crate) fn line_legend(line: &LineVisual, p: &mut Paint<'_>, rect: Rect, i: usize) {
    if let Some(stroke) = line.stroke(i, p.maps.scale) {
        let mut path = Path::new();
        let y = rect.y + rect.height / 2.0;
        path.move_to(rect.x, y);
        path.line_to(rect.right(), y);
        p.surface.stroke(&path, &stroke);
    }
}

/// The bounds of a coordinate column.
pub(crate) fn bounds_of(values: &Numbers<'_>, len: usize) -> Option<Bounds> {
    values
        .finite_bounds(len)
        .map(|(min, max)| Bounds { min, max })
}

/// The rows whose point (`x`, `y`) is drawn inside `region`: what a box or lasso selects
/// of markers and circles, as BokehJS's `_hit_rect` and `_hit_poly` do.
pub(crate) fn points_in(
    (x, y): (&Numbers<'_>, &Numbers<'_>),
    len: usize,
    maps: &Maps,
    region: &Region,
) -> Vec<usize> {
    (0..len)
        .filter(|&i| region.contains(maps.point(x.get(i), y.get(i))))
        .collect()
}

/// The bounds of every row's extent `(lo, hi)` along one axis (NaN where a row has none).
pub(crate) fn extent_bounds(len: usize, extent: impl Fn(usize) -> (f64, f64)) -> Option<Bounds> {
    let (lo, hi): (Vec<f64>, Vec<f64>) = (0..len).map(extent).unzip();
    Bounds::union(Bounds::of(&lo), Bounds::of(&hi))
}

/// A radius `r` at data point `at` in device pixels: screen units scaled, data units
/// measured along `dimension` (the larger or smaller of the two for max and min), as
/// BokehJS's radial glyphs measure it.
pub(crate) fn screen_radius(
    maps: &Maps,
    units: Units,
    dimension: RadiusDimension,
    (x, y): (f64, f64),
    r: f64,
) -> f64 {
    match units {
        Units::Screen => r * maps.scale,
        Units::Data => {
            let rx = || maps.x.distance(x, 2.0 * r) / 2.0;
            let ry = || maps.y.distance(y, 2.0 * r) / 2.0;
            match dimension {
                RadiusDimension::X => rx(),
                RadiusDimension::Y => ry(),
                RadiusDimension::Max => rx().max(ry()),
                RadiusDimension::Min => rx().min(ry()),
            }
        }
    }
}

/// The bounds of centres `x` and `y` widened by their radius, taken as data units
/// whatever its units: BokehJS's spatial index of radial glyphs (circles, n-gons, wedges,
/// annular wedges, annuli) pads the data by the radius's number, so a screen radius of
/// 20 widens a DataRange1d by 20.
pub(crate) fn radial_bounds(
    x: &Numbers<'_>,
    y: &Numbers<'_>,
    radius: &Numbers<'_>,
    len: usize,
) -> (Option<Bounds>, Option<Bounds>) {
    let pad = |values: &Numbers<'_>| {
        extent_bounds(len, |i| {
            let (v, r) = (values.get(i), radius.get(i));
            (v - r, v + r)
        })
    };
    (pad(x), pad(y))
}

/// The rows to paint: `rows`, or all `len`.
pub(crate) fn each_row(rows: Option<&[usize]>, len: usize) -> Box<dyn Iterator<Item = usize> + '_> {
    match rows {
        Some(rows) => Box::new(rows.iter().copied().filter(move |&i| i < len)),
        None => Box::new(0..len),
    }
}

/// Paints a glyph drawn as one area path per row (wedges, annular wedges, ellipses):
/// `path` builds row `i`'s outline, or says the row has nothing to draw.
pub(crate) fn paint_row_paths(
    p: &mut Paint<'_>,
    rows: Option<&[usize]>,
    len: usize,
    visuals: &AreaVisuals,
    path: impl Fn(&Maps, usize, &mut Path) -> bool,
) {
    let mut outline = Path::new();
    for i in each_row(rows, len) {
        outline.clear();
        if path(&p.maps, i, &mut outline) {
            visuals.paint(p.surface, &outline, i, p.maps.scale);
        }
    }
}

/// The rows of such a glyph whose outline holds `at`.
pub(crate) fn hit_row_paths(
    maps: &Maps,
    at: (f64, f64),
    len: usize,
    path: impl Fn(&Maps, usize, &mut Path) -> bool,
) -> Vec<usize> {
    let mut outline = Path::new();
    (0..len)
        .filter(|&i| {
            outline.clear();
            path(maps, i, &mut outline)
                && outline.subpaths().any(|(pts, _)| point_in_polygon(at, pts))
        })
        .collect()
}

/// The rows whose every vertex (in `polygons`, device pixels) is inside `region`, as
/// BokehJS's patches answer a box or lasso (non-greedy).
pub(crate) fn rows_inside<P: AsRef<[(f64, f64)]>>(
    rows: usize,
    region: &Region,
    polygons: impl Fn(usize) -> Vec<P>,
) -> Vec<usize> {
    (0..rows)
        .filter(|&i| {
            let polygons = polygons(i);
            let mut points = polygons.iter().flat_map(|p| p.as_ref().iter()).peekable();
            points.peek().is_some() && points.all(|p| region.contains(*p))
        })
        .collect()
}

/// Whether point `p` is inside the polygon (even-odd), for hit tests.
pub(crate) fn point_in_polygon(p: (f64, f64), poly: &[(f64, f64)]) -> bool {
    let mut inside = false;
    let n = poly.len();
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + n - 1) % n]);
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 {
            inside = !inside;
        }
    }
    inside
}

/// The distance from `p` to the segment a–b, for hit tests of lines.
pub(crate) fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    squared_distance_to_segment(p, a, b).sqrt()
}

/// The square of [`distance_to_segment`], for comparing many without a square root each.
pub(crate) fn squared_distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    let (ex, ey) = (p.0 - a.0 - t * dx, p.1 - a.1 - t * dy);
    ex * ex + ey * ey
}
