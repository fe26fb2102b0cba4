//! Label: one piece of text at (x, y) (data or screen units, or a Node: a point of the
//! frame or the canvas), offset in screen pixels (y upwards), turned by `angle`, its box
//! (the text and its `padding`) placed by `anchor`, with an optional background and
//! border.

use crate::core::Rgba;
use crate::document::{AnyId, Value};
use crate::render::format::TickLabel;
use crate::render::label::{across, anchor_names, anchor_of, Anchor, TextBox};
use crate::render::layout::Side;
use crate::render::ranges::FactorMap;
use crate::render::read::Reader;
use crate::render::scales::Scale;
use crate::render::specs::radians_per;
use crate::render::surface::{Font, Rect, Stroke, Surface, TextMeasure, Turn};
use crate::render::RenderError;

use super::{coordinate, AnnotationCtx, AnnotationView};

pub(crate) fn build<'d>(
    r: Reader<'d>,
    l: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let text = r.text_like(l, "text")?;
    let units = |attr: &str| r.string(l, attr).map(|u| u == "screen").unwrap_or(false);
    Ok(Box::new(View {
        x: Coord::read(r, l, "x")?,
        y: Coord::read(r, l, "y")?,
        x_screen: units("x_units"),
        y_screen: units("y_units"),
        text,
        offset: (r.number(l, "x_offset")?, r.number(l, "y_offset")?),
        // Bokeh's counter-clockwise angle, in its `angle_units`.
        angle: -r.number(l, "angle")? * radians_per(r.string(l, "angle_units").ok().as_deref()),
        style: BoxStyle::read(r, l)?,
        visible: r.flag(l, "visible")?,
        x_range_name: r.string(l, "x_range_name")?,
        y_range_name: r.string(l, "y_range_name")?,
    }))
}

/// A text annotation's look: font, color, anchor, and the box behind it.
struct BoxStyle {
    font: Font,
    color: Option<Rgba>,
    /// Its `anchor`, or where "auto", its text's align and baseline.
    anchor: Anchor,
    background: Option<Rgba>,
    border: Option<Stroke>,
    /// Room between the text and its box's edges (CSS pixels).
    padding: f64,
    /// Lines this many font heights apart.
    line_height: f64,
}

impl BoxStyle {
    fn read(r: Reader<'_>, model: AnyId) -> Result<BoxStyle, RenderError> {
        let auto = Anchor::of(r.get(model, "text_align")?, r.get(model, "text_baseline")?);
        let (x, y) = anchor_of(&r.value(model, "anchor")?).unwrap_or((None, None));
        Ok(BoxStyle {
            font: r.font(model, "", 1.0)?,
            line_height: r.number(model, "text_line_height")?,
            color: r.color(model, "text_color", Some("text_alpha"))?,
            anchor: Anchor::new(x.unwrap_or(auto.x), y.unwrap_or(auto.y)),
            background: r.fill(model, "background_")?,
            border: r.stroke(model, "border_", 1.0)?,
            // Bokeh's Padding: one number, or per side (the first taken).
            padding: match r.value(model, "padding")? {
                Value::List(sides) => sides.first().and_then(Value::as_f64).unwrap_or(0.0),
                v => v.as_f64().unwrap_or(0.0),
            },
        })
    }

    fn text_box(&self, text: &TickLabel, font: Font) -> TextBox {
        TextBox {
            line_height: self.line_height,
            ..TextBox::new(text.clone(), font)
        }
    }

    /// Draws `text` with its box anchored at `at` (device pixels).
    fn draw(&self, s: &mut dyn Surface, text: &TickLabel, at: (f64, f64), angle: f64, dpr: f64) {
        let Some(color) = self.color else { return };
        let mut font = self.font.clone();
        font.size *= dpr;
        let b = self.text_box(text, font);
        let (anchor, p) = (self.anchor, self.padding * dpr);
        let paint = (self.background, self.border.as_ref());
        b.backdrop(s, (at, anchor, angle), paint, p, dpr);
        // The text's own anchor point, inside the padding, turned with the box.
        let (dx, dy) = (p * (1.0 - 2.0 * anchor.x), p * (1.0 - 2.0 * anchor.y));
        let text_at = Turn::about(at, angle).apply((dx, dy));
        b.draw(s, text_at, anchor, angle, color);
    }
}

/// A Label's coordinate: a value on its axis, or a point of the frame or the canvas
/// (Bokeh's `Node(target="frame", symbol="left", offset=5)`).
enum Coord {
    Value(Value),
    Node {
        /// Whether it is a point of the frame (else of the canvas, as the plot's and a
        /// parent's are here).
        frame: bool,
        /// The symbol's x and y, as fractions of the target's width and height.
        at: (Option<f64>, Option<f64>),
        /// Screen pixels added along the dimension it is read for.
        offset: f64,
    },
}

impl Coord {
    fn read(r: Reader<'_>, label: AnyId, attr: &str) -> Result<Coord, RenderError> {
        let Some(node) = r.reference(label, attr).ok().flatten() else {
            return Ok(Coord::Value(r.value(label, attr)?));
        };
        if r.type_name(node) != "Node" {
            return Err(r.bad(label, attr, "a value or a Node"));
        }
        let frame = match r.value(node, "target")? {
            Value::Str(t) => t == "frame",
            _ => return Err(r.bad(node, "target", "\"frame\", \"canvas\" or \"plot\"")),
        };
        let symbol = r.string(node, "symbol")?;
        let at = anchor_names(&symbol).map_or((None, None), |(x, y)| (across(x), across(y)));
        let offset = r.number(node, "offset")?;
        Ok(Coord::Node { frame, at, offset })
    }

    /// Its screen position along x (`along_x`) or y, in device pixels (NaN where it has
    /// none): a Node's point of its target, or a value through `scale` (data units), or
    /// from the frame's left or bottom (`screen_units`).
    fn place(
        &self,
        c: &AnnotationCtx<'_, '_, '_>,
        along_x: bool,
        (factors, scale): (Option<&FactorMap>, &Scale),
        screen_units: bool,
    ) -> f64 {
        let (frame, at, offset) = match self {
            Coord::Node { frame, at, offset } => (frame, at, offset),
            Coord::Value(v) => {
                let Some(v) = coordinate(v, factors) else {
                    return f64::NAN;
                };
                return match (screen_units, along_x) {
                    (false, _) => scale.apply(v),
                    (true, true) => c.frame.x + v * c.scale,
                    (true, false) => c.frame.bottom() - v * c.scale,
                };
            }
        };
        let (w, h) = c.surface.size();
        let target = if *frame {
            c.frame
        } else {
            Rect::new(0.0, 0.0, f64::from(w), f64::from(h))
        };
        let placed = if along_x {
            at.0.map(|f| target.x + f * target.width)
        } else {
            at.1.map(|f| target.y + f * target.height)
        };
        placed.unwrap_or(f64::NAN) + offset * c.scale
    }
}

struct View {
    x: Coord,
    y: Coord,
    x_screen: bool,
    y_screen: bool,
    text: TickLabel,
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

    /// In a side panel, as BokehJS's TextAnnotation: its turned box with its padding.
    fn size(&self, m: &dyn TextMeasure, side: Side, _frame: Rect) -> f64 {
        if !self.visible || self.text.text.is_empty() {
            return 0.0;
        }
        let b = (self.style).text_box(&self.text, self.style.font.clone());
        let (w, h) = b.rotated_size(m, self.angle);
        let pad = 2.0 * self.style.padding;
        if side.is_horizontal() {
            h + pad
        } else {
            w + pad
        }
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        if !self.visible || self.text.text.is_empty() {
            return Ok(());
        }
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        let xf = (c.factors)(&self.x_range_name, true);
        let yf = (c.factors)(&self.y_range_name, false);
        let (sx, sy) = match c.panel {
            // Screen units in a side panel are from its bottom-left corner.
            Some((_, panel)) if self.x_screen && self.y_screen => {
                let v = |coord: &Coord| match coord {
                    Coord::Value(v) => coordinate(v, None),
                    Coord::Node { .. } => None,
                };
                let (Some(x), Some(y)) = (v(&self.x), v(&self.y)) else {
                    return Ok(());
                };
                ((panel.x + x) * c.scale, (panel.bottom() - y) * c.scale)
            }
            _ => (
                self.x.place(c, true, (xf, &maps.x), self.x_screen),
                self.y.place(c, false, (yf, &maps.y), self.y_screen),
            ),
        };
        if !(sx.is_finite() && sy.is_finite()) {
            return Ok(());
        }
        let at = (sx + self.offset.0 * c.scale, sy - self.offset.1 * c.scale);
        self.style
            .draw(c.surface, &self.text, at, self.angle, c.scale);
        Ok(())
    }
}
