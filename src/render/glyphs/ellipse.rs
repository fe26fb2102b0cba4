//! Ellipse: centred on (x, y), `width` × `height`, turned by `angle`.

use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::{Numbers, Units};
use crate::render::surface::{Path, Rect};
use crate::render::RenderError;

use super::{bounds_of, hit_row_paths, paint_row_paths, AreaVisuals, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        width: s.numbers("width")?,
        width_units: s.units("width")?,
        height: s.numbers("height")?,
        height_units: s.units("height")?,
        angle: s.angles("angle")?,
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    }))
}

pub(crate) struct View<'d> {
    pub x: Numbers<'d>,
    pub y: Numbers<'d>,
    pub width: Numbers<'d>,
    pub width_units: Units,
    pub height: Numbers<'d>,
    pub height_units: Units,
    pub angle: Numbers<'static>,
    pub visuals: AreaVisuals,
    pub len: usize,
}

impl View<'_> {
    /// Row `i`'s centre and size in device pixels.
    pub fn screen(&self, maps: &Maps, i: usize) -> ((f64, f64), f64, f64) {
        let (x, y) = (self.x.get(i), self.y.get(i));
        let sw = match self.width_units {
            Units::Screen => self.width.get(i) * maps.scale,
            Units::Data => maps.x.distance(x, self.width.get(i)),
        };
        let sh = match self.height_units {
            Units::Screen => self.height.get(i) * maps.scale,
            Units::Data => maps.y.distance(y, self.height.get(i)),
        };
        (maps.point(x, y), sw, sh)
    }

    fn path(&self, maps: &Maps, i: usize, path: &mut Path) -> bool {
        let (c, w, h) = self.screen(maps, i);
        let a = self.angle.get(i);
        if ![c.0, c.1, w, h, a].iter().all(|v| v.is_finite()) {
            return false;
        }
        path.ellipse(c, (w / 2.0, h / 2.0), a);
        true
    }

    /// Extents in data units, for data-unit sizes.
    pub fn extent_bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let pad = |c: &Numbers<'_>, size: &Numbers<'_>, units: Units| {
            if units == Units::Screen {
                return bounds_of(c, self.len);
            }
            let lo: Vec<f64> = (0..self.len)
                .map(|i| c.get(i) - size.get(i) / 2.0)
                .collect();
            let hi: Vec<f64> = (0..self.len)
                .map(|i| c.get(i) + size.get(i) / 2.0)
                .collect();
            Bounds::union(Bounds::of(&lo), Bounds::of(&hi))
        };
        (
            pad(&self.x, &self.width, self.width_units),
            pad(&self.y, &self.height, self.height_units),
        )
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        self.extent_bounds()
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        paint_row_paths(p, rows, self.len, &self.visuals, |m, i, path| {
            self.path(m, i, path)
        });
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        let mut path = Path::new();
        path.ellipse(rect.center(), (rect.width * 0.4, rect.height * 0.2), 0.0);
        self.visuals
            .paint(p.surface, &path, row.unwrap_or(0), p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        hit_row_paths(maps, at, self.len, |m, i, path| self.path(m, i, path))
    }

    fn len(&self) -> usize {
        self.len
    }
}
