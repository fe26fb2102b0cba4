//! Text and TeXGlyph: `text` at (x, y) per row, offset by (x_offset, y_offset) screen
//! pixels, turned by `angle`, as BokehJS's TextView draws it: each row's text in a box
//! (its lines split at "\n"; a TeXGlyph's TeX typeset) grown by `padding`, placed by
//! `anchor` (or, where "auto", by its text's align and baseline), drawn over its outline
//! shape (`outline_shape`: a box, a circle, a diamond, …) filled and hatched as
//! `background_*` and stroked as `border_*` say.

use crate::core::Value;
use crate::format::tex::Macro;
use crate::render::format::TickLabel;
use crate::render::label::{anchor_of, Anchor, TextBox};
use crate::render::math;
use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::{Numbers, Specs, Uniform};
use crate::render::surface::{Path, Rect, Surface, Turn};
use crate::render::visuals::{FillVisual, HatchVisual, LineVisual, TextVisual};
use crate::render::RenderError;

use super::{bounds_of, each_row, AreaVisuals, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    View::read(input, Labels::Plain)
}

/// A TeXGlyph: its texts are TeX where `display` says ("block" or "inline"), or where
/// they hold math between delimiters ("auto"). Typeset where the page sets TeX
/// (`views::TEX`), else as written.
pub(crate) fn build_tex<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let (r, model) = (input.specs.r, input.specs.model);
    let macros = r.macros(model)?;
    let labels = match r.string(model, "display")?.as_str() {
        "block" => Labels::Tex {
            display: true,
            macros,
        },
        "inline" => Labels::Tex {
            display: false,
            macros,
        },
        _ => Labels::Delimited { macros },
    };
    View::read(input, labels)
}

/// How a row's text becomes its label.
enum Labels {
    Plain,
    /// Math between delimiters typeset (as an axis label's), a TeXGlyph's macros
    /// expanded.
    Delimited {
        macros: Vec<Macro>,
    },
    /// All TeX, its macros expanded.
    Tex {
        display: bool,
        macros: Vec<Macro>,
    },
}

impl Labels {
    fn label(&self, text: String) -> TickLabel {
        match self {
            Labels::Plain => TickLabel::plain(text),
            Labels::Delimited { macros } => {
                let label = math::label(text);
                match &label.tex {
                    Some(tex) if !macros.is_empty() => {
                        math::tex_model(tex.source.to_string(), tex.display, macros)
                    }
                    _ => label,
                }
            }
            Labels::Tex { display, macros } => math::tex_model(text, *display, macros),
        }
    }
}

struct View<'d> {
    x: Numbers<'d>,
    y: Numbers<'d>,
    text: Uniform<Option<String>>,
    labels: Labels,
    angle: Numbers<'static>,
    x_offset: Numbers<'d>,
    y_offset: Numbers<'d>,
    line_height: Numbers<'static>,
    visual: TextVisual,
    /// Its `anchor` per row: "auto", a name or fractions of the box.
    anchor: Uniform<Value>,
    /// Room between the text and its box's edges, CSS pixels: left, top, right, bottom.
    padding: [f64; 4],
    /// The corners' radii of a box or square outline, CSS pixels (top-left first,
    /// clockwise).
    radius: [f64; 4],
    outline: Uniform<String>,
    box_visuals: AreaVisuals,
    len: usize,
}

/// A row's box: its label's, grown by the padding, anchored at its point.
struct Placed {
    text: TextBox,
    /// The point, in device pixels.
    at: (f64, f64),
    angle: f64,
    size: (f64, f64),
    /// The box's top-left corner from the point, before turning.
    corner: (f64, f64),
    color: crate::core::Rgba,
}

impl Placed {
    /// A point of the box (from its top-left corner, unturned) on the surface.
    fn turn(&self, (x, y): (f64, f64)) -> (f64, f64) {
        Turn::about(self.at, self.angle).apply((self.corner.0 + x, self.corner.1 + y))
    }
}

impl<'d> View<'d> {
    fn read(
        input: &GlyphInput<'_, 'd>,
        labels: Labels,
    ) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
        let s = &input.specs;
        Ok(Box::new(View {
            x: s.coords("x", input.x_factors)?,
            y: s.coords("y", input.y_factors)?,
            text: s.texts("text")?,
            labels,
            angle: s.angles("angle")?,
            x_offset: s.numbers("x_offset")?,
            y_offset: s.numbers("y_offset")?,
            line_height: s.numbers("text_line_height")?.into_owned(),
            visual: TextVisual::read(s, "")?,
            anchor: s.values("anchor")?,
            padding: padding(s)?,
            radius: border_radius(s)?,
            outline: s.values("outline_shape")?,
            box_visuals: AreaVisuals {
                fill: FillVisual::read(s, "background_")?,
                hatch: HatchVisual::read(s, "background_")?,
                line: LineVisual::read(s, "border_")?,
            },
            len: s.rows.len,
        }))
    }

    /// Row `i`'s box, measured by `m`, if it is drawn.
    fn place(
        &self,
        m: &dyn crate::render::surface::TextMeasure,
        maps: &Maps,
        i: usize,
    ) -> Option<Placed> {
        let text = self.text.get(i)?;
        let angle = self.angle.get(i);
        let style = self.visual.style(i, maps.scale, angle)?;
        let (sx, sy) = maps.point(self.x.get(i), self.y.get(i));
        let at = (
            sx + self.x_offset.get(i) * maps.scale,
            sy + self.y_offset.get(i) * maps.scale,
        );
        if !(at.0.is_finite() && at.1.is_finite() && angle.is_finite()) {
            return None;
        }
        let mut text = TextBox::new(self.labels.label(text), style.font);
        text.line_height = self.line_height.get(i);
        let (w, h) = text.size(m);
        let [l, t, r, b] = self.padding.map(|p| p * maps.scale);
        let size = (l + w + r, t + h + b);
        let anchor = match anchor_of(&self.anchor.get(i)) {
            Some((Some(x), Some(y))) => Anchor::new(x, y),
            Some((x, y)) => {
                let auto = Anchor::of(style.align, style.baseline);
                Anchor::new(x.unwrap_or(auto.x), y.unwrap_or(auto.y))
            }
            None => Anchor::of(style.align, style.baseline),
        };
        Some(Placed {
            text,
            at,
            angle,
            size,
            corner: (-anchor.x * size.0, -anchor.y * size.1),
            color: style.color,
        })
    }

    /// Row `i`'s outline shape about its box, as BokehJS's `_paint_shape` draws each.
    fn outline(&self, placed: &Placed, i: usize, scale: f64) -> Option<Path> {
        let (w, h) = placed.size;
        let radius = self.radius.map(|r| r * scale);
        let turn = |p| placed.turn(p);
        let mut path = Path::new();
        match self.outline.get(i).as_str() {
            "none" => return None,
            "circle" => path.circle(turn((w / 2.0, h / 2.0)), w.hypot(h) / 2.0),
            "ellipse" => {
                // BokehJS's superellipse through the box's corners (n = 1.5).
                let n = 1.5;
                let (x0, y0) = (w / 2.0, h / 2.0);
                let a = (x0.powi(2) + x0.powf(2.0 / n) * y0.powf(2.0 - 2.0 / n)).sqrt();
                let b = (y0.powi(2) + y0.powf(2.0 / n) * x0.powf(2.0 - 2.0 / n)).sqrt();
                path.ellipse(turn((x0, y0)), (a, b), placed.angle);
            }
            "square" => {
                let side = w.max(h);
                let (x, y) = ((w - side) / 2.0, (h - side) / 2.0);
                path.polygon(
                    [(x, y), (x + side, y), (x + side, y + side), (x, y + side)].map(turn),
                );
            }
            "trapezoid" => {
                let ext = 0.2 * w;
                path.polygon([(0.0, 0.0), (w, 0.0), (w + ext, h), (-ext, h)].map(turn));
            }
            "parallelogram" => {
                let ext = 0.2 * w;
                path.polygon([(0.0, 0.0), (w + ext, 0.0), (w, h), (-ext, h)].map(turn));
            }
            "diamond" => {
                let (cx, cy) = (w / 2.0, h / 2.0);
                path.polygon([(cx, cy - h), (1.5 * w, cy), (cx, cy + h), (-w / 2.0, cy)].map(turn));
            }
            "triangle" => {
                let l = 3f64.sqrt() / 2.0 * w;
                let tall = h + l;
                let top = (w / 2.0, -l);
                path.polygon(
                    [
                        top,
                        (top.0 + tall / 2.0, top.1 + tall),
                        (top.0 - tall / 2.0, top.1 + tall),
                    ]
                    .map(turn),
                );
            }
            // "box" and "rectangle".
            _ => path.polygon(round_rect((0.0, 0.0), (w, h), radius).into_iter().map(turn)),
        }
        Some(path)
    }
}

/// A field of a struct-like value (a map or an object), if it is a number.
fn field(v: &Value, name: &str) -> Option<f64> {
    match v {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(name))
            .and_then(|(_, v)| v.as_f64()),
        Value::Object(fields) => fields.iter().find(|(k, _)| k == name)?.1.as_f64(),
        _ => None,
    }
}

/// `padding` as left, top, right, bottom, as BokehJS resolves it: one number, a pair
/// (x, y), four (left, right, top, bottom), or a struct of `x`/`y` or of sides.
fn padding(s: &Specs<'_, '_>) -> Result<[f64; 4], RenderError> {
    let v = s.raw("padding")?;
    let num = |v: Option<&Value>| v.and_then(Value::as_f64).unwrap_or(0.0);
    let side = |name: &str| field(&v, name).unwrap_or(0.0);
    Ok(match v.as_ref() {
        Value::List(items) if items.len() == 2 => {
            let (x, y) = (num(items.first()), num(items.get(1)));
            [x, y, x, y]
        }
        Value::List(items) => [0, 2, 1, 3].map(|k| num(items.get(k))),
        Value::Map(_) | Value::Object(_) if field(&v, "x").or(field(&v, "y")).is_some() => {
            let (x, y) = (side("x"), side("y"));
            [x, y, x, y]
        }
        Value::Map(_) | Value::Object(_) => {
            [side("left"), side("top"), side("right"), side("bottom")]
        }
        v => [v.as_f64().unwrap_or(0.0); 4],
    })
}

/// `border_radius` as top-left, top-right, bottom-right, bottom-left: one number, four,
/// or a struct of corners.
fn border_radius(s: &Specs<'_, '_>) -> Result<[f64; 4], RenderError> {
    let v = s.raw("border_radius")?;
    Ok(match v.as_ref() {
        Value::List(items) => {
            [0, 1, 2, 3].map(|k| items.get(k).and_then(Value::as_f64).unwrap_or(0.0))
        }
        Value::Map(_) | Value::Object(_) => {
            ["top_left", "top_right", "bottom_right", "bottom_left"]
                .map(|corner| field(&v, corner).unwrap_or(0.0))
        }
        v => [v.as_f64().unwrap_or(0.0); 4],
    })
}

/// The outline of a box `w` × `h` from (x, y) with corners of radii `r` (top-left,
/// top-right, bottom-right, bottom-left), scaled down together where they overlap, as
/// the canvas' `roundRect`; each quarter circle in eight steps.
fn round_rect((x, y): (f64, f64), (w, h): (f64, f64), r: [f64; 4]) -> Vec<(f64, f64)> {
    let [tl, tr, br, bl] = r.map(|v| v.max(0.0));
    let fit = [w / (tl + tr), h / (tr + br), w / (br + bl), h / (tl + bl)]
        .into_iter()
        .filter(|f| f.is_finite())
        .fold(1.0, f64::min);
    let corners = [
        // Centre of each corner's circle, its radius, and the angle it starts from.
        ((x + tl * fit, y + tl * fit), tl * fit, std::f64::consts::PI),
        (
            (x + w - tr * fit, y + tr * fit),
            tr * fit,
            1.5 * std::f64::consts::PI,
        ),
        ((x + w - br * fit, y + h - br * fit), br * fit, 0.0),
        (
            (x + bl * fit, y + h - bl * fit),
            bl * fit,
            0.5 * std::f64::consts::PI,
        ),
    ];
    let mut points = Vec::with_capacity(36);
    for ((cx, cy), radius, start) in corners {
        let steps = if radius > 0.0 { 8 } else { 0 };
        for k in 0..=steps {
            let a = start + std::f64::consts::FRAC_PI_2 * f64::from(k) / 8.0;
            points.push((cx + radius * a.cos(), cy + radius * a.sin()));
        }
    }
    points
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (bounds_of(&self.x, self.len), bounds_of(&self.y, self.len))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        for i in each_row(rows, self.len) {
            let Some(placed) = self.place(p.surface, &p.maps, i) else {
                continue;
            };
            if let Some(outline) = self.outline(&placed, i, p.maps.scale) {
                self.box_visuals.paint(p.surface, &outline, i, p.maps.scale);
            }
            let [left, top, ..] = self.padding.map(|v| v * p.maps.scale);
            let at = placed.turn((left, top));
            let surface: &mut dyn Surface = p.surface;
            placed.text.draw(
                surface,
                at,
                Anchor::new(0.0, 0.0),
                placed.angle,
                placed.color,
            );
        }
        Ok(())
    }

    fn legend(&self, _p: &mut Paint<'_>, _rect: Rect, _row: Option<usize>) {}

    fn hit_point(&self, maps: &Maps, (x, y): (f64, f64)) -> Vec<usize> {
        (0..self.len)
            .filter(|&i| {
                let Some(placed) = self.place(&crate::render::Estimate, maps, i) else {
                    return false;
                };
                // The point in the box's own frame, from its top-left corner.
                let (sin, cos) = placed.angle.sin_cos();
                let (dx, dy) = (x - placed.at.0, y - placed.at.1);
                let (bx, by) = (dx * cos + dy * sin, -dx * sin + dy * cos);
                let (bx, by) = (bx - placed.corner.0, by - placed.corner.1);
                (0.0..=placed.size.0).contains(&bx) && (0.0..=placed.size.1).contains(&by)
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.len
    }
}
