//! MultiPolygons: per row, polygons with holes: `xs[row][polygon][ring]`, the first ring
//! the outside, the others holes (filled even-odd, as BokehJS fills them).

use crate::render::ranges::Bounds;
use crate::render::region::Region;
use crate::render::scales::Maps;
use crate::render::surface::{FillRule, Path, Rect};
use crate::render::RenderError;

use super::{each_row, point_in_polygon, rows_inside, AreaVisuals, GlyphInput, GlyphView, Paint};

type Rows = Vec<Vec<Vec<Vec<f64>>>>;

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        xs: s.nested_lists("xs", input.x_factors)?,
        ys: s.nested_lists("ys", input.y_factors)?,
        visuals: AreaVisuals::read(s)?,
    }))
}

struct View {
    xs: Rows,
    ys: Rows,
    visuals: AreaVisuals,
}

impl View {
    /// Row `i`'s polygons, each a list of screen rings.
    fn rings(&self, maps: &Maps, i: usize) -> Vec<Vec<Vec<(f64, f64)>>> {
        self.xs[i]
            .iter()
            .zip(&self.ys[i])
            .map(|(pxs, pys)| {
                pxs.iter()
                    .zip(pys)
                    .map(|(rx, ry)| {
                        rx.iter()
                            .zip(ry)
                            .map(|(&x, &y)| maps.point(x, y))
                            .filter(|p| p.0.is_finite() && p.1.is_finite())
                            .collect()
                    })
                    .collect()
            })
            .collect()
    }

    fn rows(&self) -> usize {
        self.xs.len().min(self.ys.len())
    }
}

fn bounds(rows: &Rows) -> Option<Bounds> {
    rows.iter()
        .flatten()
        .flatten()
        .map(|ring| Bounds::of(ring))
        .fold(None, Bounds::union)
}

impl GlyphView for View {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (bounds(&self.xs), bounds(&self.ys))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.rows()) {
            path.clear();
            for polygon in self.rings(&p.maps, i) {
                for ring in polygon {
                    path.polygon(ring);
                }
            }
            self.visuals
                .paint_rule(p.surface, &path, i, p.maps.scale, FillRule::EvenOdd);
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        self.visuals
            .legend(p.surface, rect, row.unwrap_or(0), p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        (0..self.rows())
            .filter(|&i| {
                self.rings(maps, i).iter().any(|polygon| {
                    let inside = polygon
                        .iter()
                        .filter(|ring| point_in_polygon(at, ring))
                        .count();
                    inside % 2 == 1
                })
            })
            .collect()
    }

    fn hit_region(&self, maps: &Maps, region: &Region) -> Option<Vec<usize>> {
        Some(rows_inside(self.rows(), region, |i| {
            self.rings(maps, i).into_iter().flatten().collect()
        }))
    }

    fn len(&self) -> usize {
        self.rows()
    }
}
