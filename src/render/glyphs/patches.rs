//! Patches: one polygon per row through the row's lists of x and y (NaN separates
//! several).

use crate::render::ranges::Bounds;
use crate::render::region::Region;
use crate::render::scales::Maps;
use crate::render::surface::{Path, Rect};
use crate::render::RenderError;

use super::multi_line::ragged_bounds;
use super::patch::polygons;
use super::{each_row, point_in_polygon, rows_inside, AreaVisuals, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        xs: s.lists("xs", input.x_factors)?,
        ys: s.lists("ys", input.y_factors)?,
        visuals: AreaVisuals::read(s)?,
    }))
}

struct View {
    xs: Vec<Vec<f64>>,
    ys: Vec<Vec<f64>>,
    visuals: AreaVisuals,
}

impl View {
    fn polygons(&self, maps: &Maps, i: usize) -> Vec<Vec<(f64, f64)>> {
        polygons(maps, self.xs[i].iter().copied(), self.ys[i].iter().copied())
    }
}

impl GlyphView for View {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (ragged_bounds(&self.xs), ragged_bounds(&self.ys))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.xs.len().min(self.ys.len())) {
            path.clear();
            for poly in self.polygons(&p.maps, i) {
                path.polygon(poly);
            }
            self.visuals.paint(p.surface, &path, i, p.maps.scale);
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        self.visuals
            .legend(p.surface, rect, row.unwrap_or(0), p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        (0..self.xs.len().min(self.ys.len()))
            .filter(|&i| {
                self.polygons(maps, i)
                    .iter()
                    .any(|poly| point_in_polygon(at, poly))
            })
            .collect()
    }

    fn hit_region(&self, maps: &Maps, region: &Region) -> Option<Vec<usize>> {
        let rows = self.xs.len().min(self.ys.len());
        Some(rows_inside(rows, region, |i| self.polygons(maps, i)))
    }

    fn len(&self) -> usize {
        self.xs.len()
    }
}
