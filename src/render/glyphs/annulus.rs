//! Annulus: a ring centred on (x, y) between `inner_radius` and `outer_radius`.

use crate::models::RadiusDimension;
use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::{Numbers, Units};
use crate::render::surface::{FillRule, Path, Rect};
use crate::render::RenderError;

use super::{each_row, radial_bounds, screen_radius, AreaVisuals, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        inner: s.numbers("inner_radius")?,
        inner_units: s.units("inner_radius")?,
        outer: s.numbers("outer_radius")?,
        outer_units: s.units("outer_radius")?,
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    x: Numbers<'d>,
    y: Numbers<'d>,
    inner: Numbers<'d>,
    inner_units: Units,
    outer: Numbers<'d>,
    outer_units: Units,
    visuals: AreaVisuals,
    len: usize,
}

impl View<'_> {
    fn ring(&self, maps: &Maps, i: usize) -> Option<((f64, f64), f64, f64)> {
        let (x, y) = (self.x.get(i), self.y.get(i));
        let c = maps.point(x, y);
        let ri = screen_radius(
            maps,
            self.inner_units,
            RadiusDimension::X,
            (x, y),
            self.inner.get(i),
        );
        let ro = screen_radius(
            maps,
            self.outer_units,
            RadiusDimension::X,
            (x, y),
            self.outer.get(i),
        );
        [c.0, c.1, ri, ro]
            .iter()
            .all(|v| v.is_finite())
            .then_some((c, ri, ro))
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        radial_bounds(&self.x, &self.y, &self.outer, self.len)
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.len) {
            if let Some((c, ri, ro)) = self.ring(&p.maps, i) {
                path.clear();
                path.circle(c, ro);
                path.circle(c, ri);
                self.visuals
                    .paint_rule(p.surface, &path, i, p.maps.scale, FillRule::EvenOdd);
            }
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        let r = rect.width.min(rect.height) * 0.4;
        let mut path = Path::new();
        path.circle(rect.center(), r);
        path.circle(rect.center(), r * 0.4);
        self.visuals.paint_rule(
            p.surface,
            &path,
            row.unwrap_or(0),
            p.maps.scale,
            FillRule::EvenOdd,
        );
    }

    fn hit_point(&self, maps: &Maps, (x, y): (f64, f64)) -> Vec<usize> {
        (0..self.len)
            .filter(|&i| {
                self.ring(maps, i).is_some_and(|(c, ri, ro)| {
                    let d = (c.0 - x).hypot(c.1 - y);
                    ri <= d && d <= ro
                })
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.len
    }
}
