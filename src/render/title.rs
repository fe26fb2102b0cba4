//! A plot's Title in its side panel: its text box plus the standoff, placed at the
//! panel's edge nearest the frame and aligned left, centre or right, as BokehJS's Title.

use crate::core::Rgba;
use crate::document::AnyId;
use crate::models::TextAlign;

use super::format::TickLabel;
use super::label::{Anchor, HeightMetric, TextBox};
use super::layout::Side;
use super::read::Reader;
use super::surface::{Rect, Stroke, Surface, TextMeasure};
use super::RenderError;

pub(crate) struct TitleView {
    text: TickLabel,
    align: TextAlign,
    offset: f64,
    standoff: f64,
    color: Option<Rgba>,
    font: super::surface::Font,
    line_height: f64,
    background: Option<Rgba>,
    border: Option<Stroke>,
    visible: bool,
}

impl TitleView {
    pub fn read(r: Reader<'_>, title: AnyId) -> Result<TitleView, RenderError> {
        let text = r.text_like(title, "text")?;
        Ok(TitleView {
            text,
            align: r.get(title, "align")?,
            offset: r.number(title, "offset")?,
            standoff: r.number(title, "standoff")?,
            color: r.color(title, "text_color", Some("text_alpha"))?,
            font: r.font(title, "", 1.0)?,
            line_height: r.number(title, "text_line_height")?,
            background: r.fill(title, "background_")?,
            border: r.stroke(title, "border_", 1.0)?,
            visible: r.flag(title, "visible")?,
        })
    }

    fn text_box(&self) -> TextBox {
        let mut b = TextBox::new(self.text.clone(), self.font.clone());
        b.line_height = self.line_height;
        b.metric = HeightMetric::AscentDescent.max(b.metric);
        b
    }

    /// The depth of its side panel (CSS pixels): its text's height, turned on the left
    /// and right.
    pub fn size(&self, m: &dyn TextMeasure) -> f64 {
        if !self.visible || self.text.text.is_empty() {
            return 0.0;
        }
        let (_, depth) = self.text_box().size(m);
        if depth == 0.0 {
            0.0
        } else {
            (depth + self.standoff).round()
        }
    }

    pub fn paint(&self, s: &mut dyn Surface, panel: Rect, side: Side, dpr: f64) {
        let Some(color) = self
            .color
            .filter(|_| self.visible && !self.text.text.is_empty())
        else {
            return;
        };
        let v = self.standoff / 2.0;
        let h = self.offset;
        let (ax, along) = match self.align {
            TextAlign::Left => (0.0, 0),
            TextAlign::Center => (0.5, 1),
            TextAlign::Right => (1.0, 2),
        };
        let (at, angle) = match side {
            Side::Above | Side::Below => {
                let x = [panel.x + h, panel.x + panel.width / 2.0, panel.right() - h][along];
                ((x, panel.bottom() - v), 0.0)
            }
            Side::Left => {
                let y = [
                    panel.bottom() - h,
                    panel.y + panel.height / 2.0,
                    panel.y + h,
                ][along];
                ((panel.right() - v, y), -std::f64::consts::FRAC_PI_2)
            }
            Side::Right => {
                let y = [
                    panel.y + h,
                    panel.y + panel.height / 2.0,
                    panel.bottom() - h,
                ][along];
                ((panel.x + v, y), std::f64::consts::FRAC_PI_2)
            }
        };
        let mut b = self.text_box();
        b.font.size *= dpr;
        let (at, anchor) = ((at.0 * dpr, at.1 * dpr), Anchor::new(ax, 1.0));
        let paint = (self.background, self.border.as_ref());
        b.backdrop(s, (at, anchor, angle), paint, 0.0, dpr);
        b.draw(s, at, anchor, angle, color);
    }
}
