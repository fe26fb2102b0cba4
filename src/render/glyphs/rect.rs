//! Rect: rectangles centred on (x, y), `width` × `height`, turned by `angle`.

use crate::render::ranges::Bounds;
use crate::render::region::Region;
use crate::render::scales::Maps;
use crate::render::surface::{Path, Rect, Turn};
use crate::render::RenderError;

use super::ellipse::View as Centered;
use super::{each_row, point_in_polygon, AreaVisuals, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View(Centered {
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        width: s.numbers("width")?,
        width_units: s.units("width")?,
        height: s.numbers("height")?,
        height_units: s.units("height")?,
        angle: s.angles("angle")?,
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    })))
}

struct View<'d>(Centered<'d>);

impl View<'_> {
    fn corners(&self, maps: &Maps, i: usize) -> Option<[(f64, f64); 4]> {
        let ((cx, cy), w, h) = self.0.screen(maps, i);
        let a = self.0.angle.get(i);
        if ![cx, cy, w, h, a].iter().all(|v| v.is_finite()) {
            return None;
        }
        let turn = Turn::about((cx, cy), a);
        let at = |dx: f64, dy: f64| turn.apply((dx, dy));
        let (hw, hh) = (w / 2.0, h / 2.0);
        Some([at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)])
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        self.0.extent_bounds()
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.0.len) {
            if let Some(corners) = self.corners(&p.maps, i) {
                path.clear();
                path.polygon(corners);
                self.0.visuals.paint(p.surface, &path, i, p.maps.scale);
            }
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        self.0
            .visuals
            .legend(p.surface, rect, row.unwrap_or(0), p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        (0..self.0.len)
            .filter(|&i| {
                self.corners(maps, i)
                    .is_some_and(|c| point_in_polygon(at, &c))
            })
            .collect()
    }

    /// BokehJS's spatial index: the rectangles whose bounding box meets the region's.
    fn hit_region(&self, maps: &Maps, region: &Region) -> Option<Vec<usize>> {
        let rows = (0..self.0.len).filter(|&i| {
            self.corners(maps, i).is_some_and(|c| {
                let (xs, ys) = (c.map(|p| p.0), c.map(|p| p.1));
                let min = |v: [f64; 4]| v.into_iter().fold(f64::INFINITY, f64::min);
                let max = |v: [f64; 4]| v.into_iter().fold(f64::NEG_INFINITY, f64::max);
                region.meets_box((min(xs), min(ys), max(xs), max(ys)))
            })
        });
        Some(rows.collect())
    }

    fn len(&self) -> usize {
        self.0.len
    }
}
