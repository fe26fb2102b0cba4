//! MultiLine: one line per row, through the row's lists of x and y.

use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::surface::{Path, Rect};
use crate::render::visuals::LineVisual;
use crate::render::RenderError;

use super::{distance_to_segment, each_row, line_legend, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        xs: s.lists("xs", input.x_factors)?,
        ys: s.lists("ys", input.y_factors)?,
        line: LineVisual::read(s, "")?,
    }))
}

pub(crate) struct View {
    pub xs: Vec<Vec<f64>>,
    pub ys: Vec<Vec<f64>>,
    pub line: LineVisual,
}

/// Row `i`'s polyline in screen space, broken at NaN.
pub(crate) fn row_path(xs: &[f64], ys: &[f64], maps: &Maps, path: &mut Path) {
    let mut pen_up = true;
    for (&x, &y) in xs.iter().zip(ys) {
        let (sx, sy) = maps.point(x, y);
        if !(sx.is_finite() && sy.is_finite()) {
            pen_up = true;
            continue;
        }
        if pen_up {
            path.move_to(sx, sy);
            pen_up = false;
        } else {
            path.line_to(sx, sy);
        }
    }
}

pub(crate) fn ragged_bounds(rows: &[Vec<f64>]) -> Option<Bounds> {
    rows.iter().map(|r| Bounds::of(r)).fold(None, Bounds::union)
}

impl GlyphView for View {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (ragged_bounds(&self.xs), ragged_bounds(&self.ys))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.xs.len()) {
            let Some(stroke) = self.line.stroke(i, p.maps.scale) else {
                continue;
            };
            path.clear();
            row_path(&self.xs[i], &self.ys[i], &p.maps, &mut path);
            p.surface.stroke(&path, &stroke);
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        line_legend(&self.line, p, rect, row.unwrap_or(0));
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        (0..self.xs.len())
            .filter(|&i| {
                let mut path = Path::new();
                row_path(&self.xs[i], &self.ys[i], maps, &mut path);
                let hit = path.subpaths().any(|(pts, _)| {
                    pts.windows(2)
                        .any(|w| distance_to_segment(at, w[0], w[1]) <= 2.0 * maps.scale)
                });
                hit
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.xs.len()
    }
}
