//! Text: `text` at (x, y) per row, offset by (x_offset, y_offset) screen pixels, turned
//! by `angle`; lines split at "\n".

use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::{Numbers, Uniform};
use crate::render::surface::Rect;
use crate::render::text::estimate_width;
use crate::render::visuals::TextVisual;
use crate::render::RenderError;

use super::{bounds_of, each_row, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        text: s.texts("text")?,
        angle: s.angles("angle")?,
        x_offset: s.numbers("x_offset")?,
        y_offset: s.numbers("y_offset")?,
        line_height: s.numbers("text_line_height")?.into_owned(),
        visual: TextVisual::read(s, "")?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    x: Numbers<'d>,
    y: Numbers<'d>,
    text: Uniform<Option<String>>,
    angle: Numbers<'static>,
    x_offset: Numbers<'d>,
    y_offset: Numbers<'d>,
    line_height: Numbers<'static>,
    visual: TextVisual,
    len: usize,
}

impl View<'_> {
    fn anchor(&self, maps: &Maps, i: usize) -> (f64, f64) {
        let (sx, sy) = maps.point(self.x.get(i), self.y.get(i));
        (
            sx + self.x_offset.get(i) * maps.scale,
            sy + self.y_offset.get(i) * maps.scale,
        )
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (bounds_of(&self.x, self.len), bounds_of(&self.y, self.len))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        for i in each_row(rows, self.len) {
            let Some(text) = self.text.get(i) else {
                continue;
            };
            let angle = self.angle.get(i);
            let Some(style) = self.visual.style(i, p.maps.scale, angle) else {
                continue;
            };
            let (ax, ay) = self.anchor(&p.maps, i);
            if !(ax.is_finite() && ay.is_finite()) {
                continue;
            }
            let step = style.font.size * self.line_height.get(i);
            let (sin, cos) = angle.sin_cos();
            for (k, line) in text.split('\n').enumerate() {
                let d = step * k as f64;
                p.surface.text(line, (ax - d * sin, ay + d * cos), &style);
            }
        }
        Ok(())
    }

    fn legend(&self, _p: &mut Paint<'_>, _rect: Rect, _row: Option<usize>) {}

    fn hit_point(&self, maps: &Maps, (x, y): (f64, f64)) -> Vec<usize> {
        (0..self.len)
            .filter(|&i| {
                let Some(style) = self.visual.style(i, maps.scale, 0.0) else {
                    return false;
                };
                let text = self.text.get(i).unwrap_or_default();
                let w = estimate_width(&text, &style.font);
                let (ax, ay) = self.anchor(maps, i);
                (x - ax).abs() <= w && (y - ay).abs() <= style.font.size
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.len
    }
}
