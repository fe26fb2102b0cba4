//! Text boxes as BokehJS's graphics TextBox sizes and places them: a label's box is its
//! width by the font's ascent plus descent (only the cap height for labels that are all
//! digits), anchored at a point by a corner, edge or centre, turned about that point;
//! TeX's box is its typeset formula's ([`super::typeset`]). Axis labels, titles and
//! annotations' text are drawn through it.

use crate::models::{TextAlign, TextBaseline};

use crate::core::{Rgba, Value};

use super::format::TickLabel;
use super::math;
use super::surface::{FillRule, Font, Path, Stroke, Surface, TextMeasure, TextStyle, Turn};
use super::typeset::Formula;

/// How far across a side the names of Bokeh's anchors put a point.
pub(crate) fn across(name: &str) -> Option<f64> {
    match name {
        "left" | "top" | "start" => Some(0.0),
        "center" => Some(0.5),
        "right" | "bottom" | "end" => Some(1.0),
        _ => None,
    }
}

/// The (x, y) names of a named anchor: `"top_left"` is ("left", "top"), `"top"` is
/// ("center", "top").
pub(crate) fn anchor_names(name: &str) -> Option<(&str, &str)> {
    match name {
        "top" | "bottom" => Some(("center", name)),
        "left" | "center" | "right" => Some((name, "center")),
        _ => name.split_once('_').map(|(y, x)| (x, y)),
    }
}

/// An `anchor`, as fractions of the box's width and height; `None` where it is "auto".
pub(crate) fn anchor_of(v: &Value) -> Option<(Option<f64>, Option<f64>)> {
    match v {
        Value::Str(auto) if auto == "auto" => Some((None, None)),
        Value::Str(name) => {
            let (x, y) = anchor_names(name)?;
            Some((Some(across(x)?), Some(across(y)?)))
        }
        Value::List(xy) if xy.len() == 2 => {
            let fraction = |v: &Value| v.as_f64().or_else(|| v.as_str().and_then(across));
            Some((fraction(&xy[0]), fraction(&xy[1])))
        }
        _ => None,
    }
}

/// Where a box of `size` anchored at `at` by `anchor` goes so that it lies on a canvas
/// of `canvas` along x (`along_x`) or y: moved back in from whichever edge it crosses,
/// as BokehJS keeps an axis's (and a color bar's) first and last labels in view.
pub(crate) fn kept_on_canvas(
    mut at: (f64, f64),
    anchor: Anchor,
    (w, h): (f64, f64),
    canvas: (f64, f64),
    along_x: bool,
) -> (f64, f64) {
    // How far back in a box starting at `start`, `length` long, must move.
    let back = |start: f64, length: f64, limit: f64| {
        if start < 0.0 {
            start
        } else {
            (start + length - limit).max(0.0)
        }
    };
    if along_x {
        at.0 -= back(at.0 - anchor.x * w, w, canvas.0);
    } else {
        at.1 -= back(at.1 - anchor.y * h, h, canvas.1);
    }
    at
}

/// How tall a label's box is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum HeightMetric {
    /// The height of "M": labels of digits, signs and points.
    Cap,
    /// The font's ascent plus descent.
    AscentDescent,
}

/// BokehJS's "math like" labels: digits, ",", ".", "+", "-", "−", "e".
pub(crate) fn metric_of(text: &str) -> HeightMetric {
    let math = !text.contains('\n')
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '+' | '-' | '\u{2212}' | 'e'));
    if math {
        HeightMetric::Cap
    } else {
        HeightMetric::AscentDescent
    }
}

/// Horizontal and vertical anchors of a box, as fractions of its size (0: left/top).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Anchor {
    pub x: f64,
    pub y: f64,
}

impl Anchor {
    pub const fn new(x: f64, y: f64) -> Anchor {
        Anchor { x, y }
    }

    /// The anchor text_align and text_baseline name ("auto" anchors of Bokeh's text).
    pub fn of(align: TextAlign, baseline: TextBaseline) -> Anchor {
        let x = match align {
            TextAlign::Left => 0.0,
            TextAlign::Center => 0.5,
            TextAlign::Right => 1.0,
        };
        let y = match baseline {
            TextBaseline::Top | TextBaseline::Hanging => 0.0,
            TextBaseline::Middle => 0.5,
            TextBaseline::Bottom | TextBaseline::Ideographic => 1.0,
            // The baseline: handled by the caller's metric; near the bottom.
            TextBaseline::Alphabetic => 1.0,
        };
        Anchor { x, y }
    }
}

/// A label ready to measure and draw: text, an optional exponent, its font and metric.
#[derive(Clone, Debug)]
pub(crate) struct TextBox {
    pub label: TickLabel,
    pub font: Font,
    pub metric: HeightMetric,
    /// Multiplies the font size for line spacing of multi-line text.
    pub line_height: f64,
}

/// The exponent of BaseExpo labels is drawn at 0.7 of the font size.
const EXPONENT_SCALE: f64 = 0.7;

impl TextBox {
    pub fn new(label: TickLabel, font: Font) -> TextBox {
        TextBox {
            metric: metric_of(&label.text),
            label,
            font,
            line_height: 1.2,
        }
    }

    fn exponent_font(&self) -> Font {
        Font {
            size: self.font.size * EXPONENT_SCALE,
            ..self.font.clone()
        }
    }

    fn lines(&self) -> impl Iterator<Item = &str> {
        self.label.text.split('\n')
    }

    /// Height of one line under the metric, and its ascent above the baseline.
    fn line(&self, m: &dyn TextMeasure, font: &Font) -> (f64, f64) {
        let fm = m.font_metrics(font);
        match self.metric {
            HeightMetric::Cap => (fm.cap_height, fm.cap_height),
            HeightMetric::AscentDescent => (fm.ascent + fm.descent, fm.ascent),
        }
    }

    /// The label's TeX typeset in its font, if it is TeX.
    fn formula(&self, m: &dyn TextMeasure) -> Option<Formula> {
        math::typeset(self.label.tex.as_ref()?, &self.font, m)
    }

    /// A formula's box: as tall as a line of the font at least (BokehJS's MathText).
    fn formula_height(&self, f: &Formula, m: &dyn TextMeasure) -> f64 {
        let fm = m.font_metrics(&self.font);
        (f.ascent + f.descent).max(fm.ascent + fm.descent)
    }

    /// The unrotated box's width and height.
    pub fn size(&self, m: &dyn TextMeasure) -> (f64, f64) {
        if self.label.text.is_empty() {
            return (0.0, 0.0);
        }
        if let Some(f) = self.formula(m) {
            return (f.width, self.formula_height(&f, m));
        }
        let width = self
            .lines()
            .map(|l| m.text_width(l, &self.font))
            .fold(0.0, f64::max);
        let (h, _) = self.line(m, &self.font);
        let n = self.lines().count() as f64;
        let fm = m.font_metrics(&self.font);
        let spacing = (self.line_height - 1.0) * (fm.ascent + fm.descent);
        let height = h * n + spacing * (n - 1.0);
        match &self.label.exponent {
            Some(e) => {
                let ef = self.exponent_font();
                let ew = m.text_width(e, &ef);
                let (eh, _) = self.line(m, &ef);
                let shift = fm.x_height / fm.cap_height.max(1e-9) * height;
                (width + ew, height.max(shift + eh))
            }
            None => (width, height),
        }
    }

    /// The box's size once turned by `angle` (its bounding box).
    pub fn rotated_size(&self, m: &dyn TextMeasure, angle: f64) -> (f64, f64) {
        let (w, h) = self.size(m);
        if angle == 0.0 {
            return (w, h);
        }
        let (s, c) = (angle.abs().sin(), angle.abs().cos());
        ((w * c + h * s).abs(), (w * s + h * c).abs())
    }

    /// Fills and strokes the box placed as [`TextBox::draw`] places it, `padding` wider
    /// on every side (the whole anchored at `at`), as BokehJS draws a text annotation's
    /// background and border (`dpr` device pixels per CSS pixel scale the border).
    pub fn backdrop(
        &self,
        surface: &mut dyn Surface,
        (at, anchor, angle): ((f64, f64), Anchor, f64),
        (fill, border): (Option<Rgba>, Option<&Stroke>),
        padding: f64,
        dpr: f64,
    ) {
        if fill.is_none() && border.is_none() || self.label.text.is_empty() {
            return;
        }
        let (w, h) = self.size(surface);
        let (w, h) = (w + 2.0 * padding, h + 2.0 * padding);
        let turn = Turn::about(at, angle);
        let (l, t) = (-anchor.x * w, -anchor.y * h);
        let mut path = Path::new();
        path.polygon([(l, t), (l + w, t), (l + w, t + h), (l, t + h)].map(|p| turn.apply(p)));
        if let Some(fill) = fill {
            surface.fill(&path, fill, FillRule::NonZero);
        }
        if let Some(border) = border {
            surface.stroke(&path, &border.scaled(dpr));
        }
    }

    /// Draws the box anchored at `at` by `anchor`, turned by `angle` (canvas radians)
    /// about `at`.
    pub fn draw(
        &self,
        surface: &mut dyn Surface,
        at: (f64, f64),
        anchor: Anchor,
        angle: f64,
        color: crate::core::Rgba,
    ) {
        if self.label.text.is_empty() {
            return;
        }
        if let Some(f) = self.formula(surface) {
            // At the top of its box, as BokehJS draws MathJax's picture.
            let height = self.formula_height(&f, surface);
            let corner = (-anchor.x * f.width, -anchor.y * height);
            return math::draw(surface, &f, (at, corner, angle), color);
        }
        let (w, h) = self.size(surface);
        // The box's top-left corner relative to `at`, before turning.
        let (left, top) = (-anchor.x * w, -anchor.y * h);
        let turned = Turn::about(at, angle);
        let turn = |dx: f64, dy: f64| turned.apply((dx, dy));
        let fm = surface.font_metrics(&self.font);
        let (line_h, ascent) = self.line(surface, &self.font);
        let spacing = (self.line_height - 1.0) * (fm.ascent + fm.descent);
        let style = TextStyle {
            font: self.font.clone(),
            color,
            align: TextAlign::Left,
            baseline: TextBaseline::Alphabetic,
            angle,
        };
        // With an exponent the base sits at the bottom of the box.
        let base_top = match &self.label.exponent {
            Some(_) => top + h - line_h,
            None => top,
        };
        for (k, line) in self.lines().enumerate() {
            let y = base_top + ascent + k as f64 * (line_h + spacing);
            surface.text(line, turn(left, y), &style);
        }
        if let Some(e) = &self.label.exponent {
            let ef = self.exponent_font();
            let bw = surface.text_width(&self.label.text, &self.font);
            let (_, e_ascent) = self.line(surface, &ef);
            let estyle = TextStyle { font: ef, ..style };
            surface.text(e, turn(left + bw, top + e_ascent), &estyle);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_past_an_edge_moves_back_onto_the_canvas() {
        let centred = Anchor::new(0.5, 0.0);
        let canvas = (400.0, 300.0);
        // 24 px wide at x 395: 383..407 moves to 376..400.
        assert_eq!(
            kept_on_canvas((395.0, 10.0), centred, (24.0, 12.0), canvas, true),
            (388.0, 10.0)
        );
        // At x 5: -7..17 moves to 0..24; inside, nothing moves.
        assert_eq!(
            kept_on_canvas((5.0, 10.0), centred, (24.0, 12.0), canvas, true).0,
            12.0
        );
        assert_eq!(
            kept_on_canvas((200.0, 10.0), centred, (24.0, 12.0), canvas, true).0,
            200.0
        );
        // Along y, by its height.
        let top = Anchor::new(0.0, 0.5);
        assert_eq!(
            kept_on_canvas((10.0, 296.0), top, (30.0, 12.0), canvas, false).1,
            294.0
        );
    }
}
