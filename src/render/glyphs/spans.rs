//! HSpan and VSpan: a line across the frame at each row's y (or x), as BokehJS draws them.

use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::Numbers;
use crate::render::surface::{Path, Rect};
use crate::render::visuals::LineVisual;
use crate::render::RenderError;

use super::{bounds_of, each_row, line_legend, GlyphInput, GlyphView, Paint};

pub(crate) fn build_h<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    build(input, false)
}

pub(crate) fn build_v<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    build(input, true)
}

fn build<'d>(
    input: &GlyphInput<'_, 'd>,
    vertical: bool,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let at = match vertical {
        true => s.coords("x", input.x_factors)?,
        false => s.coords("y", input.y_factors)?,
    };
    Ok(Box::new(View {
        at,
        vertical,
        line: LineVisual::read(s, "")?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    /// Each row's x (a VSpan) or y (an HSpan).
    at: Numbers<'d>,
    vertical: bool,
    line: LineVisual,
    len: usize,
}

impl View<'_> {
    /// Row `i`'s position across its axis, in device pixels.
    fn pixel(&self, maps: &Maps, i: usize) -> f64 {
        let scale = if self.vertical { &maps.x } else { &maps.y };
        scale.apply(self.at.get(i))
    }
}

impl GlyphView for View<'_> {
    /// Only along its own axis: a span has no extent along the other.
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let along = bounds_of(&self.at, self.len);
        if self.vertical {
            (along, None)
        } else {
            (None, along)
        }
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        // Past the frame's edges, so the line's caps are clipped away with them.
        let f = p.frame;
        let pad = 2.0 * p.maps.scale;
        let mut path = Path::new();
        for i in each_row(rows, self.len) {
            let Some(stroke) = self.line.stroke(i, p.maps.scale) else {
                continue;
            };
            let at = self.pixel(&p.maps, i);
            if !at.is_finite() {
                continue;
            }
            path.clear();
            if self.vertical {
                path.move_to(at, f.y - pad);
                path.line_to(at, f.bottom() + pad);
            } else {
                path.move_to(f.x - pad, at);
                path.line_to(f.right() + pad, at);
            }
            p.surface.stroke(&path, &stroke);
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        line_legend(&self.line, p, rect, row.unwrap_or(0));
    }

    /// Within half the line's width, and at least 2 CSS pixels, of the pointer.
    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        let along = if self.vertical { at.0 } else { at.1 };
        (0..self.len)
            .filter(|&i| {
                let width = self.line.stroke(i, maps.scale).map_or(0.0, |s| s.width);
                let reach = (2.0 * maps.scale).max(width / 2.0);
                (self.pixel(maps, i) - along).abs() <= reach
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.len
    }
}
