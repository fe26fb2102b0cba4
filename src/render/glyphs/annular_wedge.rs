//! AnnularWedge: a slice of a ring centred on (x, y), between `inner_radius` and
//! `outer_radius`, from `start_angle` to `end_angle`.

use crate::models::{Direction, RadiusDimension};
use crate::render::ranges::Bounds;
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
        inner: s.numbers("inner_radius")?,
        inner_units: s.units("inner_radius")?,
        outer: s.numbers("outer_radius")?,
        outer_units: s.units("outer_radius")?,
        start: s.angles("start_angle")?,
        end: s.angles("end_angle")?,
        anticlock: s.r.get::<Direction>(s.model, "direction")? == Direction::Anticlock,
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
    start: Numbers<'static>,
    end: Numbers<'static>,
    anticlock: bool,
    visuals: AreaVisuals,
    len: usize,
}

impl View<'_> {
    fn path(&self, maps: &Maps, i: usize, path: &mut Path) -> bool {
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
        let (a0, a1) = (self.start.get(i), self.end.get(i));
        if ![c.0, c.1, ri, ro, a0, a1].iter().all(|v| v.is_finite()) {
            return false;
        }
        path.ellipse_arc(c, (ro, ro), 0.0, (a0, a1), self.anticlock);
        path.ellipse_arc(c, (ri, ri), 0.0, (a1, a0), !self.anticlock);
        path.close();
        true
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        radial_bounds(&self.x, &self.y, &self.outer, self.len)
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        paint_row_paths(p, rows, self.len, &self.visuals, |m, i, path| {
            self.path(m, i, path)
        });
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        self.visuals
            .legend(p.surface, rect, row.unwrap_or(0), p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        hit_row_paths(maps, at, self.len, |m, i, path| self.path(m, i, path))
    }

    fn len(&self) -> usize {
        self.len
    }
}
