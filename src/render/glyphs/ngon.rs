//! Ngon: regular polygons of `n` sides centred on (x, y), their corners `radius` away
//! (along `radius_dimension` in data units), the first straight above the centre, turned
//! by `angle`.

use crate::models::RadiusDimension;
use crate::render::ranges::Bounds;
use crate::render::region::Region;
use crate::render::scales::Maps;
use crate::render::specs::{Numbers, Units};
use crate::render::surface::{Path, Rect};
use crate::render::RenderError;

use super::{
    hit_row_paths, paint_row_paths, radial_bounds, screen_radius, AreaVisuals, GlyphInput,
    GlyphView, Paint,
};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        radius: s.numbers("radius")?,
        units: s.units("radius")?,
        dimension: s.r.get(s.model, "radius_dimension")?,
        angle: s.angles("angle")?,
        n: s.numbers("n")?,
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    x: Numbers<'d>,
    y: Numbers<'d>,
    radius: Numbers<'d>,
    units: Units,
    dimension: RadiusDimension,
    angle: Numbers<'static>,
    n: Numbers<'d>,
    visuals: AreaVisuals,
    len: usize,
}

/// Corners `r` from `center`, the first at `angle` from straight up (clockwise on screen),
/// as BokehJS places them; none for fewer than three sides.
fn corners(center: (f64, f64), r: f64, n: f64, angle: f64) -> Vec<(f64, f64)> {
    if !(n >= 3.0
        && [center.0, center.1, r, n, angle]
            .iter()
            .all(|v| v.is_finite()))
    {
        return Vec::new();
    }
    let n = n as usize;
    let step = std::f64::consts::TAU / n as f64;
    (0..n)
        .map(|k| {
            let (sin, cos) = (k as f64 * step + angle).sin_cos();
            (center.0 + r * sin, center.1 - r * cos)
        })
        .collect()
}

impl View<'_> {
    fn corners(&self, maps: &Maps, i: usize) -> Vec<(f64, f64)> {
        let (x, y) = (self.x.get(i), self.y.get(i));
        let r = screen_radius(maps, self.units, self.dimension, (x, y), self.radius.get(i));
        corners(maps.point(x, y), r, self.n.get(i), self.angle.get(i))
    }

    fn path(&self, maps: &Maps, i: usize, path: &mut Path) -> bool {
        let corners = self.corners(maps, i);
        let drawn = !corners.is_empty();
        path.polygon(corners);
        drawn
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        radial_bounds(&self.x, &self.y, &self.radius, self.len)
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        paint_row_paths(p, rows, self.len, &self.visuals, |m, i, path| {
            self.path(m, i, path)
        });
        Ok(())
    }

    /// BokehJS's radial swatch: the row's polygon, its radius a fifth of the swatch.
    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        let i = row.unwrap_or(0);
        let r = rect.width.min(rect.height) * 0.2;
        let mut path = Path::new();
        path.polygon(corners(rect.center(), r, self.n.get(i), self.angle.get(i)));
        self.visuals.paint(p.surface, &path, i, p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        hit_row_paths(maps, at, self.len, |m, i, path| self.path(m, i, path))
    }

    /// BokehJS's `_hit_rect` and `_hit_poly`: the polygons the region overlaps at all.
    fn hit_region(&self, maps: &Maps, region: &Region) -> Option<Vec<usize>> {
        Some(
            (0..self.len)
                .filter(|&i| {
                    let corners = self.corners(maps, i);
                    !corners.is_empty() && region.overlaps_polygon(&corners)
                })
                .collect(),
        )
    }

    fn len(&self) -> usize {
        self.len
    }
}
