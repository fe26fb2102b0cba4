//! ColorBar: a color mapper's palette as a bar, with ticks and labels of its values and a
//! title, in the frame at `location` or in a side panel. Sized as BokehJS sizes it: 25
//! pixels across, along the plot as many pixels as 25 per color, kept within 30 % to
//! 80 % of the frame (in a side panel, the panel's length). A ContourColorBar is the same bar over a contour's levels: each band
//! between two levels filled as its contour's fill renderer fills it, a line at each level
//! as its line renderer draws it (hatches are not drawn).

use crate::core::Rgba;
use crate::document::{AnyId, Value};
use crate::models::{AutoOr, Orientation, TextLike};
use crate::render::format::{self, Basic, Formatter, TickLabel};
use crate::render::label::{kept_on_canvas, Anchor, TextBox};
use crate::render::layout::Side;
use crate::render::mappers::ColorScale;
use crate::render::read::Reader;
use crate::render::renderer::part_of;
use crate::render::specs::{Rows, Specs};
use crate::render::surface::{FillRule, Font, Image, Path, Rect, Stroke, TextMeasure};
use crate::render::ticks::{self, Adaptive, Ticker};
use crate::render::visuals::{FillVisual, LineVisual};
use crate::render::RenderError;

use super::{paint_box, AnnotationCtx, AnnotationView};

const MINOR_DIM: f64 = 25.0;

pub(crate) fn build<'d>(
    r: Reader<'d>,
    bar: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let colors = match r.type_name(bar) {
        "ContourColorBar" => Colors::Contour(Contour::read(r, bar)?),
        _ => {
            let mapper = r
                .reference(bar, "color_mapper")?
                .ok_or_else(|| r.bad(bar, "color_mapper", "set"))?;
            match r.type_name(mapper) {
                "LinearColorMapper" | "LogColorMapper" => Colors::Mapper {
                    scale: ColorScale::read(r, mapper, &[])?,
                    alpha: r.number(bar, "scale_alpha")?,
                },
                other => {
                    return Err(RenderError::Model(format!(
                        "a ColorBar of a {other} is not drawn yet"
                    )))
                }
            }
        }
    };
    let log = matches!(&colors, Colors::Mapper { scale, .. } if scale.log);
    let ticker = match r.get::<AutoOr<AnyId>>(bar, "ticker")? {
        AutoOr::Value(t) => Ticker::read(r, t)?,
        AutoOr::Auto if log => ticks::log::standard(),
        AutoOr::Auto => Ticker::Adaptive(Adaptive::default()),
    };
    let formatter = match r.get::<AutoOr<AnyId>>(bar, "formatter")? {
        AutoOr::Value(f) => Formatter::read(r, f)?,
        AutoOr::Auto if log => format::log_standard(),
        AutoOr::Auto => Formatter::Basic(Basic::default()),
    };
    // A Title's text in BokehJS: its math typeset, a text model read.
    let title = match r.get::<Option<TextLike>>(bar, "title")? {
        Some(_) => Some(r.text_like(bar, "title")?).filter(|t| !t.text.is_empty()),
        None => None,
    };
    let px = |attr: &str| r.pixels(bar, attr);
    Ok(Box::new(View {
        colors,
        ticker,
        formatter,
        location: r.value(bar, "location")?,
        orientation: r.get(bar, "orientation")?,
        width: r.get(bar, "width")?,
        height: r.get(bar, "height")?,
        title,
        title_font: r.font(bar, "title_", 1.0)?,
        title_color: r.color(bar, "title_text_color", Some("title_text_alpha"))?,
        title_standoff: px("title_standoff")?,
        label_font: r.font(bar, "major_label_", 1.0)?,
        label_color: r.color(
            bar,
            "major_label_text_color",
            Some("major_label_text_alpha"),
        )?,
        label_standoff: px("label_standoff")?,
        tick_in: px("major_tick_in")?,
        tick_line: r.stroke(bar, "major_tick_", 1.0)?,
        bar_line: r.stroke(bar, "bar_", 1.0)?,
        border: r.stroke(bar, "border_", 1.0)?,
        background: r.fill(bar, "background_")?,
        margin: px("margin")?,
        padding: px("padding")?,
        visible: r.flag(bar, "visible")?,
    }))
}

/// What the bar shows: a mapper's palette (at `scale_alpha`), or a contour's levels.
enum Colors {
    Mapper { scale: ColorScale, alpha: f64 },
    Contour(Contour),
}

/// A contour's levels, with its bands' fills and its lines' strokes.
struct Contour {
    levels: Vec<f64>,
    fill: FillVisual,
    bands: usize,
    line: LineVisual,
    lines: usize,
}

impl Contour {
    fn read(r: Reader<'_>, bar: AnyId) -> Result<Contour, RenderError> {
        // A part's glyph read as it draws its rows (one per band, one per level).
        let specs = |attr: &str| -> Result<(AnyId, Rows), RenderError> {
            let renderer = part_of(r, bar, attr)?;
            let glyph = r
                .reference(renderer, "glyph")?
                .ok_or_else(|| r.bad(renderer, "glyph", "set"))?;
            let source = r.reference(renderer, "data_source")?;
            let len = r.rows_of(source);
            Ok((
                glyph,
                Rows {
                    source,
                    indices: None,
                    len,
                },
            ))
        };
        let (fill_glyph, fill_rows) = specs("fill_renderer")?;
        let (line_glyph, line_rows) = specs("line_renderer")?;
        let read = |model, rows| Specs {
            r,
            model,
            rows,
            overrides: &[],
        };
        Ok(Contour {
            levels: r.get(bar, "levels")?,
            fill: FillVisual::read(&read(fill_glyph, &fill_rows), "")?,
            bands: fill_rows.len,
            line: LineVisual::read(&read(line_glyph, &line_rows), "")?,
            lines: line_rows.len,
        })
    }
}

impl Colors {
    /// The values at the bar's ends, and whether they are on a log scale.
    fn span(&self) -> (f64, f64, bool) {
        match self {
            Colors::Mapper { scale, .. } => (scale.low, scale.high, scale.log),
            Colors::Contour(c) => match (c.levels.first(), c.levels.last()) {
                (Some(&lo), Some(&hi)) => (lo, hi, false),
                _ => (0.0, 1.0, false),
            },
        }
    }

    /// How many colors the bar shows (25 pixels each, when it sizes itself).
    fn count(&self) -> usize {
        match self {
            Colors::Mapper { scale, .. } => scale.palette.len(),
            Colors::Contour(c) => c.bands,
        }
    }
}

struct View {
    colors: Colors,
    ticker: Ticker,
    formatter: Formatter,
    location: Value,
    orientation: AutoOr<Orientation>,
    width: AutoOr<i64>,
    height: AutoOr<i64>,
    title: Option<TickLabel>,
    title_font: Font,
    title_color: Option<Rgba>,
    title_standoff: f64,
    label_font: Font,
    label_color: Option<Rgba>,
    label_standoff: f64,
    tick_in: f64,
    tick_line: Option<Stroke>,
    bar_line: Option<Stroke>,
    border: Option<Stroke>,
    background: Option<Rgba>,
    margin: f64,
    padding: f64,
    visible: bool,
}

/// The bar's geometry: where the colors go, the labels' extent, the whole box (CSS).
struct Geometry {
    vertical: bool,
    bar: Rect,
    frame: Rect,
}

impl View {
    fn vertical(&self, side: Option<Side>) -> bool {
        match (self.orientation, side) {
            (AutoOr::Value(o), _) => o == Orientation::Vertical,
            (AutoOr::Auto, Some(s)) => !s.is_horizontal(),
            (AutoOr::Auto, None) => match &self.location {
                Value::Str(name) => {
                    !(name == "top"
                        || name == "bottom"
                        || name.ends_with("_center") && name != "center_center")
                }
                _ => true,
            },
        }
    }

    fn labels(&self) -> (Vec<f64>, Vec<TickLabel>) {
        let (lo, hi, _) = self.colors.span();
        let ticks = self.ticker.ticks(lo, hi).major;
        let labels = self.formatter.format(&ticks);
        (ticks, labels)
    }

    /// Label extent across the bar and title extent (CSS pixels).
    fn extents(&self, m: &dyn TextMeasure, vertical: bool) -> (f64, f64) {
        let (_, labels) = self.labels();
        let label = labels
            .iter()
            .map(|l| {
                let (w, h) = TextBox::new(l.clone(), self.label_font.clone()).size(m);
                if vertical {
                    w
                } else {
                    h
                }
            })
            .fold(0.0, f64::max);
        let label = if label > 0.0 {
            label + self.label_standoff
        } else {
            0.0
        };
        let title = match &self.title {
            Some(t) => {
                let (_, h) = TextBox::new(t.clone(), self.title_font.clone()).size(m);
                h + self.title_standoff
            }
            None => 0.0,
        };
        (label, title)
    }

    fn geometry(&self, m: &dyn TextMeasure, area: Rect, side: Option<Side>) -> Geometry {
        let vertical = self.vertical(side);
        let (label, title) = self.extents(m, vertical);
        let n = self.colors.count().max(1) as f64;
        let frame_major = if vertical { area.height } else { area.width };
        let major = match (vertical, self.width, self.height) {
            (true, _, AutoOr::Value(h)) => h as f64,
            (false, AutoOr::Value(w), _) => w as f64,
            // In a side panel BokehJS's bar takes the panel's whole length ("max").
            _ if side.is_some() => frame_major - 2.0 * self.padding,
            _ => (n * MINOR_DIM)
                .max(0.3 * frame_major)
                .min(0.8 * frame_major - 2.0 * (self.margin + self.padding)),
        };
        let minor = match (vertical, self.width, self.height) {
            (true, AutoOr::Value(w), _) => w as f64,
            (false, _, AutoOr::Value(h)) => h as f64,
            _ => MINOR_DIM,
        };
        let p = self.padding;
        // BokehJS 3.9 lays a vertical bar's title on its left, turned; a horizontal bar's
        // above it.
        let (fw, fh) = if vertical {
            (title + minor + label + 2.0 * p, major + 2.0 * p)
        } else {
            (major + 2.0 * p, minor + label + title + 2.0 * p)
        };
        let m_ = self.margin;
        let (x, y) = match (side, &self.location) {
            // In a side panel, against the frame, from the panel's start.
            (Some(Side::Right | Side::Below), _) => (area.x, area.y),
            (Some(Side::Left), _) => (area.right() - fw, area.y),
            (Some(Side::Above), _) => (area.x, area.bottom() - fh),
            (None, location) => match location {
                Value::List(xy) => {
                    let x = xy.first().and_then(Value::as_f64).unwrap_or(0.0);
                    let y = xy.get(1).and_then(Value::as_f64).unwrap_or(0.0);
                    (area.x + x, area.bottom() - y - fh)
                }
                Value::Str(name) => {
                    let x = if name.ends_with("left") || name == "left" {
                        area.x + m_
                    } else if name.ends_with("right") || name == "right" {
                        area.right() - m_ - fw
                    } else {
                        area.x + (area.width - fw) / 2.0
                    };
                    let y = if name.starts_with("top") {
                        area.y + m_
                    } else if name.starts_with("bottom") {
                        area.bottom() - m_ - fh
                    } else {
                        area.y + (area.height - fh) / 2.0
                    };
                    (x, y)
                }
                _ => (area.x, area.y),
            },
        };
        let frame = Rect::new(x, y, fw, fh);
        let bar = if vertical {
            Rect::new(x + p + title, y + p, minor, major)
        } else {
            Rect::new(x + p, y + p + title, major, minor)
        };
        Geometry {
            vertical,
            bar,
            frame,
        }
    }
}

impl AnnotationView for View {
    fn size(&self, m: &dyn TextMeasure, side: Side, frame: Rect) -> f64 {
        if !self.visible {
            return 0.0;
        }
        // The box alone: BokehJS leaves no margin around a bar in a side panel.
        let g = self.geometry(m, frame, Some(side));
        if side.is_horizontal() {
            g.frame.height
        } else {
            g.frame.width
        }
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        if !self.visible {
            return Ok(());
        }
        let dpr = c.scale;
        let (area, side) = match c.panel {
            Some((side, panel)) => (panel, Some(side)),
            None => (
                Rect::new(
                    c.frame.x / dpr,
                    c.frame.y / dpr,
                    c.frame.width / dpr,
                    c.frame.height / dpr,
                ),
                None,
            ),
        };
        let g = self.geometry(c.surface, area, side);
        let dev = |r: Rect| Rect::new(r.x * dpr, r.y * dpr, r.width * dpr, r.height * dpr);
        paint_box(
            c.surface,
            dev(g.frame),
            self.background,
            self.border.as_ref(),
            dpr,
        );
        // The colors, low at the bottom (or left).
        let (lo, hi, log) = self.colors.span();
        let frac = |v: f64| {
            if log {
                (v.ln() - lo.ln()) / (hi.ln() - lo.ln())
            } else {
                (v - lo) / (hi - lo)
            }
        };
        match &self.colors {
            Colors::Mapper { scale, alpha } => {
                paint_palette(c, scale, *alpha, dev(g.bar), g.vertical)
            }
            Colors::Contour(contour) => {
                paint_levels(c, contour, dev(g.bar), g.vertical, &frac);
            }
        }
        if let Some(line) = &self.bar_line {
            let mut p = Path::new();
            p.rect(dev(g.bar));
            c.surface.stroke(
                &p,
                &Stroke {
                    width: line.width * dpr,
                    ..line.clone()
                },
            );
        }
        // Ticks and labels along the bar.
        let (ticks, labels) = self.labels();
        let b = g.bar;
        let mut tick_path = Path::new();
        let (w, h) = c.surface.size();
        let canvas = (f64::from(w) / dpr, f64::from(h) / dpr);
        let shown: Vec<(f64, &TickLabel)> = (ticks.iter().map(|t| frac(*t)))
            .zip(&labels)
            .filter(|(f, _)| (0.0..=1.0).contains(f))
            .collect();
        let n = shown.len();
        for (k, &(f, label)) in shown.iter().enumerate() {
            let (at, anchor, tick) = if g.vertical {
                let y = b.bottom() - f * b.height;
                (
                    (b.right() + self.label_standoff, y),
                    Anchor::new(0.0, 0.5),
                    ((b.right() - self.tick_in, y), (b.right(), y)),
                )
            } else {
                let x = b.x + f * b.width;
                (
                    (x, b.bottom() + self.label_standoff),
                    Anchor::new(0.5, 0.0),
                    ((x, b.bottom() - self.tick_in), (x, b.bottom())),
                )
            };
            tick_path.move_to(tick.0 .0 * dpr, tick.0 .1 * dpr);
            tick_path.line_to(tick.1 .0 * dpr, tick.1 .1 * dpr);
            if let Some(color) = self.label_color {
                let mut at = at;
                // As an axis's, the first and last labels stay on the canvas.
                if k == 0 || k + 1 == n {
                    let size = TextBox::new(label.clone(), self.label_font.clone()).size(c.surface);
                    at = kept_on_canvas(at, anchor, size, canvas, !g.vertical);
                }
                let mut font = self.label_font.clone();
                font.size *= dpr;
                TextBox::new(label.clone(), font).draw(
                    c.surface,
                    (at.0 * dpr, at.1 * dpr),
                    anchor,
                    0.0,
                    color,
                );
            }
        }
        if let Some(line) = &self.tick_line {
            c.surface.stroke(
                &tick_path,
                &Stroke {
                    width: line.width * dpr,
                    ..line.clone()
                },
            );
        }
        if let (Some(title), Some(color)) = (&self.title, self.title_color) {
            let mut font = self.title_font.clone();
            font.size *= dpr;
            // Above a horizontal bar from its left; beside a vertical one, turned, from its
            // bottom (as a Title in a left panel), the standoff halved on either side.
            let (at, angle) = if g.vertical {
                let x = g.bar.x - self.title_standoff / 2.0;
                ((x, g.bar.bottom()), -std::f64::consts::FRAC_PI_2)
            } else {
                ((g.frame.x + self.padding, g.frame.y + self.padding), 0.0)
            };
            let anchor = if g.vertical {
                Anchor::new(0.0, 1.0)
            } else {
                Anchor::new(0.0, 0.0)
            };
            TextBox::new(title.clone(), font).draw(
                c.surface,
                (at.0 * dpr, at.1 * dpr),
                anchor,
                angle,
                color,
            );
        }
        Ok(())
    }
}

/// A mapper's palette as an image over `bar` (device pixels), at `alpha`.
fn paint_palette(
    c: &mut AnnotationCtx<'_, '_, '_>,
    colors: &ColorScale,
    alpha: f64,
    bar: Rect,
    vertical: bool,
) {
    let n = colors.palette.len();
    let alpha = (alpha * 255.0).round() as u8;
    let mut rgba: Vec<u8> = Vec::with_capacity(4 * n);
    let order: Box<dyn Iterator<Item = &Rgba>> = if vertical {
        Box::new(colors.palette.iter().rev())
    } else {
        Box::new(colors.palette.iter())
    };
    for col in order {
        rgba.extend_from_slice(&[
            col.r,
            col.g,
            col.b,
            ((col.alpha * f64::from(alpha)).round()) as u8,
        ]);
    }
    let (iw, ih) = if vertical { (1, n) } else { (n, 1) };
    if n > 0 {
        c.surface.image(
            Image {
                width: iw,
                height: ih,
                rgba: &rgba,
            },
            bar,
        );
    }
}

/// A contour's bands between its levels, then a line at each level, over `bar` (device
/// pixels), as BokehJS's ContourColorBar paints them; `frac` is a level's place along it.
fn paint_levels(
    c: &mut AnnotationCtx<'_, '_, '_>,
    contour: &Contour,
    bar: Rect,
    vertical: bool,
    frac: &dyn Fn(f64) -> f64,
) {
    let at = |level: f64| {
        let f = frac(level);
        if vertical {
            bar.bottom() - f * bar.height
        } else {
            bar.x + f * bar.width
        }
    };
    let levels = &contour.levels;
    let mut path = Path::new();
    for i in 0..contour.bands.min(levels.len().saturating_sub(1)) {
        let (a, b) = (at(levels[i]), at(levels[i + 1]));
        path.clear();
        path.rect(if vertical {
            Rect::new(bar.x, a.min(b), bar.width, (a - b).abs())
        } else {
            Rect::new(a.min(b), bar.y, (a - b).abs(), bar.height)
        });
        if let Some(color) = contour.fill.color(i) {
            c.surface.fill(&path, color, FillRule::NonZero);
        }
    }
    for (i, &level) in levels.iter().enumerate().take(contour.lines) {
        let Some(stroke) = contour.line.stroke(i, c.scale) else {
            continue;
        };
        let v = at(level);
        path.clear();
        if vertical {
            path.move_to(bar.x, v);
            path.line_to(bar.right(), v);
        } else {
            path.move_to(v, bar.y);
            path.line_to(v, bar.bottom());
        }
        c.surface.stroke(&path, &stroke);
    }
}
