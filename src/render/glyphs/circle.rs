//! Circle: circles of `radius` in data units (along `radius_dimension`) or screen units.

use crate::models::RadiusDimension;
use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::{Numbers, Units};
use crate::render::surface::{Path, Rect};
use crate::render::RenderError;

use super::{bounds_of, each_row, AreaVisuals, GlyphInput, GlyphView, Paint};

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
        let c = maps.point(x, y);
        let sr = match self.units {
            Units::Screen => r * maps.scale,
            Units::Data => {
                let rx = maps.x.distance(x, 2.0 * r) / 2.0;
                let ry = maps.y.distance(y, 2.0 * r) / 2.0;
                match self.dimension {
                    RadiusDimension::X => rx,
                    RadiusDimension::Y => ry,
                    RadiusDimension::Max => rx.max(ry),
                    RadiusDimension::Min => rx.min(ry),
                }
            }
        };
        (c, sr)
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let pad = |values: &Numbers<'_>| {
            if self.units == Units::Screen {
                return bounds_of(values, self.len);
            }
            let lo: Vec<f64> = (0..self.len)
                .map(|i| values.get(i) - self.radius.get(i))
                .collect();
            let hi: Vec<f64> = (0..self.len)
                .map(|i| values.get(i) + self.radius.get(i))
                .collect();
            Bounds::union(Bounds::of(&lo), Bounds::of(&hi))
        };
        (pad(&self.x), pad(&self.y))
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

    fn len(&self) -> usize {
        self.len
    }
}
