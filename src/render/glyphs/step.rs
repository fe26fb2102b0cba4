//! Step: a staircase through the points, the riser before, after or centred between
//! each pair of points (`mode`).

use crate::models::StepMode;
use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::Numbers;
use crate::render::surface::{Path, Rect};
use crate::render::visuals::LineVisual;
use crate::render::RenderError;

use super::{bounds_of, distance_to_segment, line_legend, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        mode: s.r.get(s.model, "mode")?,
        line: LineVisual::read(s, "")?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    x: Numbers<'d>,
    y: Numbers<'d>,
    mode: StepMode,
    line: LineVisual,
    len: usize,
}

/// The corners of a step line through screen points, broken where a point is not finite.
pub(crate) fn step_points(points: &[(f64, f64)], mode: StepMode, path: &mut Path) {
    let mut previous: Option<(f64, f64)> = None;
    for &(x, y) in points {
        if !(x.is_finite() && y.is_finite()) {
            previous = None;
            continue;
        }
        match previous {
            None => path.move_to(x, y),
            Some((px, py)) => {
                match mode {
                    StepMode::Before => path.line_to(px, y),
                    StepMode::After => path.line_to(x, py),
                    StepMode::Center => {
                        let xm = (px + x) / 2.0;
                        path.line_to(xm, py);
                        path.line_to(xm, y);
                    }
                }
                path.line_to(x, y);
            }
        }
        previous = Some((x, y));
    }
}

impl View<'_> {
    fn screen(&self, maps: &Maps) -> Vec<(f64, f64)> {
        (0..self.len)
            .map(|i| maps.point(self.x.get(i), self.y.get(i)))
            .collect()
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (bounds_of(&self.x, self.len), bounds_of(&self.y, self.len))
    }

    fn paint(&self, p: &mut Paint<'_>, _rows: Option<&[usize]>) -> Result<(), RenderError> {
        let Some(stroke) = self.line.stroke(0, p.maps.scale) else {
            return Ok(());
        };
        let mut path = Path::new();
        step_points(&self.screen(&p.maps), self.mode, &mut path);
        p.surface.stroke(&path, &stroke);
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, _row: Option<usize>) {
        line_legend(&self.line, p, rect, 0);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        let mut path = Path::new();
        step_points(&self.screen(maps), self.mode, &mut path);
        let hit = path.subpaths().any(|(pts, _)| {
            pts.windows(2)
                .any(|w| distance_to_segment(at, w[0], w[1]) <= 2.0 * maps.scale)
        });
        if hit {
            vec![0]
        } else {
            Vec::new()
        }
    }

    fn len(&self) -> usize {
        self.len
    }
}
