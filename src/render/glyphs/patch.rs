//! Patch: one polygon through every row's (x, y); a NaN starts a new polygon.

use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::Numbers;
use crate::render::surface::{Path, Rect};
use crate::render::RenderError;

use super::{bounds_of, point_in_polygon, AreaVisuals, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    x: Numbers<'d>,
    y: Numbers<'d>,
    visuals: AreaVisuals,
    len: usize,
}

/// Screen polygons from coordinates, split where a point is not finite.
pub(crate) fn polygons(
    maps: &Maps,
    xs: impl Iterator<Item = f64>,
    ys: impl Iterator<Item = f64>,
) -> Vec<Vec<(f64, f64)>> {
    let mut out = vec![Vec::new()];
    for (x, y) in xs.zip(ys) {
        let (sx, sy) = maps.point(x, y);
        if sx.is_finite() && sy.is_finite() {
            out.last_mut().expect("never empty").push((sx, sy));
        } else if !out.last().expect("never empty").is_empty() {
            out.push(Vec::new());
        }
    }
    out.retain(|p| p.len() > 1);
    out
}

impl View<'_> {
    fn polygons(&self, maps: &Maps) -> Vec<Vec<(f64, f64)>> {
        polygons(
            maps,
            (0..self.len).map(|i| self.x.get(i)),
            (0..self.len).map(|i| self.y.get(i)),
        )
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (bounds_of(&self.x, self.len), bounds_of(&self.y, self.len))
    }

    fn paint(&self, p: &mut Paint<'_>, _rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for poly in self.polygons(&p.maps) {
            path.polygon(poly);
        }
        self.visuals.paint(p.surface, &path, 0, p.maps.scale);
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, _row: Option<usize>) {
        self.visuals.legend(p.surface, rect, 0, p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        if self
            .polygons(maps)
            .iter()
            .any(|poly| point_in_polygon(at, poly))
        {
            vec![0]
        } else {
            Vec::new()
        }
    }

    fn len(&self) -> usize {
        self.len
    }
}
