//! Label: one piece of text at (x, y) (data units), offset in screen pixels (y upwards),
//! turned by `angle`, with an optional box behind it.

use crate::core::Rgba;
use crate::document::{AnyId, Value};
use crate::models::{TextAlign, TextBaseline};
use crate::render::format::TickLabel;
use crate::render::label::{Anchor, TextBox};
use crate::render::read::Reader;
use crate::render::surface::{Font, Stroke, Surface};
use crate::render::RenderError;

use super::{coordinate, AnnotationCtx, AnnotationView};

pub(crate) fn build<'d>(
    r: Reader<'d>,
    l: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let text = r.text_like(l, "text")?;
    let units = |attr: &str| r.string(l, attr).map(|u| u == "screen").unwrap_or(false);
    Ok(Box::new(View {
        x: r.value(l, "x")?,
        y: r.value(l, "y")?,
        x_screen: units("x_units"),
        y_screen: units("y_units"),
        text,
        offset: (r.number(l, "x_offset")?, r.number(l, "y_offset")?),
        angle: -r.number(l, "angle")?,
        style: BoxStyle::read(r, l)?,
        visible: r.flag(l, "visible")?,
        x_range_name: r.string(l, "x_range_name")?,
        y_range_name: r.string(l, "y_range_name")?,
    }))
}

/// A text annotation's look: font, color, anchor, and the box behind it.
pub(crate) struct BoxStyle {
    pub font: Font,
    pub color: Option<Rgba>,
    pub align: TextAlign,
    pub baseline: TextBaseline,
    pub background: Option<Rgba>,
    pub border: Option<Stroke>,
}

impl BoxStyle {
    pub fn read(r: Reader<'_>, model: AnyId) -> Result<BoxStyle, RenderError> {
        Ok(BoxStyle {
            font: r.font(model, "", 1.0)?,
            color: r.color(model, "text_color", Some("text_alpha"))?,
            align: r.get(model, "text_align")?,
            baseline: r.get(model, "text_baseline")?,
            background: r.fill(model, "background_")?,
            border: r.stroke(model, "border_", 1.0)?,
        })
    }

    /// Draws `text` anchored at `at` (device pixels).
    pub fn draw(&self, s: &mut dyn Surface, text: &str, at: (f64, f64), angle: f64, dpr: f64) {
        let Some(color) = self.color else { return };
        let mut font = self.font.clone();
        font.size *= dpr;
        let b = TextBox::new(TickLabel::plain(text), font);
        let anchor = Anchor::of(self.align, self.baseline);
        let (fill, border) = (self.background, self.border.as_ref());
        b.backdrop(s, (at, anchor, angle), fill, border, dpr);
        b.draw(s, at, anchor, angle, color);
    }
}

struct View {
    x: Value,
    y: Value,
    x_screen: bool,
    y_screen: bool,
    text: String,
    offset: (f64, f64),
    angle: f64,
    style: BoxStyle,
    visible: bool,
    x_range_name: String,
    y_range_name: String,
}

impl AnnotationView for View {
    // Text at a point: drawn from the ranges, not the data.
    fn reads_data(&self) -> bool {
        false
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        if !self.visible || self.text.is_empty() {
            return Ok(());
        }
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        let xf = (c.factors)(&self.x_range_name, true);
        let yf = (c.factors)(&self.y_range_name, false);
        let (Some(x), Some(y)) = (coordinate(&self.x, xf), coordinate(&self.y, yf)) else {
            return Ok(());
        };
        let sx = if self.x_screen {
            c.frame.x + x * c.scale
        } else {
            maps.x.apply(x)
        };
        let sy = if self.y_screen {
            c.frame.bottom() - y * c.scale
        } else {
            maps.y.apply(y)
        };
        let at = (sx + self.offset.0 * c.scale, sy - self.offset.1 * c.scale);
        self.style
            .draw(c.surface, &self.text, at, self.angle, c.scale);
        Ok(())
    }
}
