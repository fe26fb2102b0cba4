//! Circle: circles of `radius` in data units (along `radius_dimension`) or screen units.

use crate::models::RadiusDimension;
use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::{Numbers, Units};
use crate::render::surface::{Path, Rect};
use crate::render::RenderError;

use super::{
    each_row, points_in, radial_bounds, screen_radius, AreaVisuals, GlyphInput, GlyphView, Paint,
};
use crate::render::region::Region;

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
    visuals: AreaVisuals,
    len: usize,
}

impl View<'_> {
    /// Row `i`'s centre and radius in device pixels.
    fn screen(&self, maps: &Maps, i: usize) -> ((f64, f64), f64) {
        let (x, y, r) = (self.x.get(i), self.y.get(i), self.radius.get(i));
        let radius = screen_radius(maps, self.units, self.dimension, (x, y), r);
        (maps.point(x, y), radius)
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        radial_bounds(&self.x, &self.y, &self.radius, self.len)
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.len) {
            let (c, r) = self.screen(&p.maps, i);
            if !(c.0.is_finite() && c.1.is_finite() && r.is_finite()) {
                continue;
            }
            path.clear();
            path.circle(c, r);
            self.visuals.paint(p.surface, &path, i, p.maps.scale);
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        let mut path = Path::new();
        path.circle(rect.center(), rect.width.min(rect.height) * 0.4 / 2.0);
        self.visuals
            .paint(p.surface, &path, row.unwrap_or(0), p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, (x, y): (f64, f64)) -> Vec<usize> {
        (0..self.len)
            .filter(|&i| {
                let ((cx, cy), r) = self.screen(maps, i);
                (cx - x).hypot(cy - y) <= r
            })
            .collect()
    }

    fn hit_region(&self, maps: &Maps, region: &Region) -> Option<Vec<usize>> {
        Some(points_in((&self.x, &self.y), self.len, maps, region))
    }

    fn len(&self) -> usize {
        self.len
    }
}
