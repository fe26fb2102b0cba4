//! Legend: a box of entries, each a small picture of its renderers' glyphs beside a
//! label, laid out as BokehJS 3.9's legend (a CSS grid: padding, glyph 20 × 20, the label
//! `label_standoff` beyond it, entries `spacing` apart), in the frame at `location` or in
//! a side panel. A label from a field gives one entry per distinct value; hidden or
//! muted renderers' entries are drawn faded; clickable entries are reported for the
//! page's click policy.

use crate::core::Rgba;
use crate::document::{AnyId, Value};
use crate::models::{AutoOr, LegendClickPolicy, Orientation};
use crate::render::format::TickLabel;
use crate::render::glyphs::Paint;
use crate::render::label::{Anchor, HeightMetric, TextBox};
use crate::render::layout::{LegendHit, PixelRect, Side};
use crate::render::read::Reader;
use crate::render::surface::{FillRule, Font, Path, Rect, Stroke, TextMeasure};
use crate::render::RenderError;

use super::{paint_box, AnnotationCtx, AnnotationView};

/// One drawn entry: its label, renderers, and the source row its swatch shows.
struct Entry {
    label: String,
    renderers: Vec<AnyId>,
    row: Option<usize>,
}

pub(crate) fn build<'d>(
    r: Reader<'d>,
    legend: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let mut entries = Vec::new();
    let mut reads_data = false;
    for item in r.refs(legend, "items")? {
        if !r.flag(item, "visible")? {
            continue;
        }
        let renderers = r.refs(item, "renderers")?;
        reads_data |= renderers.iter().any(|&rend| swatch_reads_data(r, rend));
        let index = r
            .get::<Option<i64>>(item, "index")?
            .and_then(|i| usize::try_from(i).ok());
        let label = r.value(item, "label")?;
        match (label.object_type(), label.object_field("field")) {
            (Some("field"), Some(Value::Str(field))) => {
                reads_data = true;
                // One entry per distinct value of the field, in order of first appearance.
                let source = match renderers.first() {
                    Some(&rend) => r.reference(rend, "data_source")?,
                    None => None,
                };
                let column = source.and_then(|s| r.doc.column(s, field));
                let values: Vec<String> = match column {
                    Some(Value::List(items)) => items.iter().map(display).collect(),
                    Some(Value::Array(a)) => (0..a.len())
                        .map(|i| display(&a.data.get_f64(i).map_or(Value::Null, Value::Float)))
                        .collect(),
                    _ => Vec::new(),
                };
                let mut seen: Vec<&str> = Vec::new();
                for (row, v) in values.iter().enumerate() {
                    if !seen.contains(&v.as_str()) {
                        seen.push(v);
                        entries.push(Entry {
                            label: v.clone(),
                            renderers: renderers.clone(),
                            row: Some(row),
                        });
                    }
                }
            }
            _ => {
                let text = match label.object_field("value") {
                    Some(v) => display(v),
                    None => display(&label),
                };
                entries.push(Entry {
                    label: text,
                    renderers,
                    row: index,
                });
            }
        }
    }
    let px = |attr: &str| r.pixels(legend, attr);
    Ok(Box::new(View {
        entries,
        location: r.value(legend, "location")?,
        orientation: r.get(legend, "orientation")?,
        wrap: (r.get(legend, "ncols")?, r.get(legend, "nrows")?),
        title: r
            .get::<Option<String>>(legend, "title")?
            .filter(|t| !t.is_empty()),
        title_font: r.font(legend, "title_", 1.0)?,
        title_color: r.color(legend, "title_text_color", Some("title_text_alpha"))?,
        title_standoff: px("title_standoff")?,
        label_font: r.font(legend, "label_", 1.0)?,
        label_color: r.color(legend, "label_text_color", Some("label_text_alpha"))?,
        glyph: (px("glyph_width")?, px("glyph_height")?),
        label_width: px("label_width")?,
        label_standoff: px("label_standoff")?,
        spacing: px("spacing")?,
        margin: px("margin")?,
        padding: match r.value(legend, "padding")? {
            v if v.as_f64().is_some() => v.as_f64().unwrap_or(10.0),
            _ => 10.0,
        },
        background: r.fill(legend, "background_")?,
        border: r.stroke(legend, "border_", 1.0)?,
        inactive: r.fill(legend, "inactive_")?,
        click_policy: r.get(legend, "click_policy")?,
        visible: r.flag(legend, "visible")?,
        reads_data,
    }))
}

/// Whether `renderer`'s swatch may change with its source's columns: when a property a
/// swatch draws with (its glyph's line, fill and hatch, marker, size, angle) comes from a
/// field, an expression or a transform. The coordinates never reach a swatch.
fn swatch_reads_data(r: Reader<'_>, renderer: AnyId) -> bool {
    let Some(glyph) = r.reference(renderer, "glyph").ok().flatten() else {
        return true;
    };
    let Some(model) = r.doc.try_model(glyph) else {
        return true;
    };
    model.attrs.iter().any(|(name, v)| {
        let drawn = ["line_", "fill_", "hatch_"]
            .iter()
            .any(|p| name.starts_with(p))
            || ["marker", "size", "angle"].contains(&name.as_str());
        drawn
            && (matches!(v.object_type(), Some("field" | "expr"))
                || v.object_field("transform").is_some())
    })
}

/// A label value as BokehJS writes it (`${value}`).
fn display(v: &Value) -> String {
    match v {
        Value::Str(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e21 => format!("{}", *f as i64),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::List(items) => items.iter().map(display).collect::<Vec<_>>().join(","),
        _ => String::new(),
    }
}

struct View {
    entries: Vec<Entry>,
    location: Value,
    orientation: Orientation,
    /// Its `ncols` and `nrows`.
    wrap: (AutoOr<i64>, AutoOr<i64>),
    title: Option<String>,
    title_font: Font,
    title_color: Option<Rgba>,
    title_standoff: f64,
    label_font: Font,
    label_color: Option<Rgba>,
    glyph: (f64, f64),
    label_width: f64,
    label_standoff: f64,
    spacing: f64,
    margin: f64,
    padding: f64,
    background: Option<Rgba>,
    border: Option<Stroke>,
    inactive: Option<Rgba>,
    click_policy: LegendClickPolicy,
    visible: bool,
    /// Whether a label or a swatch comes from the data (see [`swatch_reads_data`]).
    reads_data: bool,
}

/// A label box with the height of a CSS line of text (line-height "normal").
fn line_box(m: &dyn TextMeasure, text: &str, font: &Font) -> (f64, f64) {
    (m.text_width(text, font), line_height(m, font))
}

/// The height of one line of legend text.
fn line_height(m: &dyn TextMeasure, font: &Font) -> f64 {
    let fm = m.font_metrics(font);
    (fm.ascent + fm.descent).max(font.size * 1.15)
}

impl View {
    /// Its title's text box (of any number of lines), its font `k` times as large.
    fn title_box(&self, k: f64) -> Option<TextBox> {
        let title = self.title.as_ref()?;
        let mut font = self.title_font.clone();
        font.size *= k;
        Some(TextBox {
            metric: HeightMetric::AscentDescent,
            ..TextBox::new(TickLabel::plain(title.clone()), font)
        })
    }

    /// The legend box's content: each entry's width and height (CSS pixels).
    fn entry_sizes(&self, m: &dyn TextMeasure) -> Vec<(f64, f64)> {
        self.entries
            .iter()
            .map(|e| {
                let (w, h) = line_box(m, &e.label, &self.label_font);
                (
                    self.glyph.0 + self.label_standoff + w.max(self.label_width),
                    self.glyph.1.max(h),
                )
            })
            .collect()
    }

    /// Each entry's row and column, as BokehJS's Legend lays them out: a vertical legend
    /// down a column (wrapping after `nrows`, or after `ncols` columns' share), a
    /// horizontal one along a row likewise.
    fn cells(&self, n: usize) -> Vec<(usize, usize)> {
        let fixed = |v: AutoOr<i64>| match v {
            AutoOr::Value(k) if k > 0 => Some(k as usize),
            _ => None,
        };
        let (ncols, nrows) = (fixed(self.wrap.0), fixed(self.wrap.1));
        let vertical = self.orientation == Orientation::Vertical;
        let (along, across) = if vertical {
            (nrows, ncols)
        } else {
            (ncols, nrows)
        };
        // How many entries a line holds before the next begins.
        let line = along
            .or_else(|| across.map(|k| n.div_ceil(k)))
            .unwrap_or(n)
            .max(1);
        (0..n)
            .map(|i| {
                let (major, minor) = (i / line, i % line);
                if vertical {
                    (minor, major)
                } else {
                    (major, minor)
                }
            })
            .collect()
    }

    /// The legend box's size, and each entry's offset inside it (CSS pixels): a grid
    /// whose columns are as wide as their widest entry and rows as tall as their
    /// tallest, `spacing` apart.
    fn layout(&self, m: &dyn TextMeasure) -> ((f64, f64), Vec<(f64, f64)>, f64) {
        let sizes = self.entry_sizes(m);
        let cells = self.cells(sizes.len());
        let (rows, cols) = cells.iter().fold((0, 0), |(r, c), &(row, col)| {
            (r.max(row + 1), c.max(col + 1))
        });
        let (mut widths, mut heights) = (vec![0.0f64; cols], vec![0.0f64; rows]);
        for (&(row, col), &(w, h)) in cells.iter().zip(&sizes) {
            widths[col] = widths[col].max(w);
            heights[row] = heights[row].max(h);
        }
        let (title_w, title_h) = match self.title_box(1.0) {
            Some(b) => {
                let (w, h) = b.size(m);
                // One line is as tall as an entry's line; more, as the box lays them.
                let h = h.max(line_height(m, &self.title_font));
                (w, h + self.title_standoff)
            }
            None => (0.0, 0.0),
        };
        let start =
            |lengths: &[f64], k: usize| lengths[..k].iter().sum::<f64>() + self.spacing * k as f64;
        let offsets = cells
            .iter()
            .map(|&(row, col)| {
                (
                    self.padding + start(&widths, col),
                    self.padding + title_h + start(&heights, row),
                )
            })
            .collect();
        let span = |lengths: &[f64]| {
            let gaps = lengths.len().saturating_sub(1) as f64;
            lengths.iter().sum::<f64>() + self.spacing * gaps
        };
        let (w, h) = (span(&widths), span(&heights));
        (
            (
                w.max(title_w) + 2.0 * self.padding,
                h + title_h + 2.0 * self.padding,
            ),
            offsets,
            title_h,
        )
    }

    /// The box's top-left corner inside `area` (the frame, or a side panel).
    fn origin(&self, area: Rect, size: (f64, f64)) -> (f64, f64) {
        let m = self.margin;
        let (w, h) = size;
        let named = |name: &str| -> (f64, f64) {
            let x = if name.ends_with("left") || name == "left" {
                area.x + m
            } else if name.ends_with("right") || name == "right" {
                area.right() - m - w
            } else {
                area.x + (area.width - w) / 2.0
            };
            let y = if name.starts_with("top") {
                area.y + m
            } else if name.starts_with("bottom") {
                area.bottom() - m - h
            } else {
                area.y + (area.height - h) / 2.0
            };
            (x, y)
        };
        match &self.location {
            Value::Str(name) => named(name),
            Value::List(xy) => {
                let x = xy.first().and_then(Value::as_f64).unwrap_or(0.0);
                let y = xy.get(1).and_then(Value::as_f64).unwrap_or(0.0);
                (area.x + x, area.bottom() - y - h)
            }
            _ => named("top_right"),
        }
    }
}

impl AnnotationView for View {
    fn size(&self, m: &dyn TextMeasure, side: Side, _frame: Rect) -> f64 {
        if !self.visible || self.entries.is_empty() {
            return 0.0;
        }
        let ((w, h), _, _) = self.layout(m);
        if side.is_horizontal() {
            h + 2.0 * self.margin
        } else {
            w + 2.0 * self.margin
        }
    }

    fn reads_data(&self) -> bool {
        self.reads_data
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        if !self.visible || self.entries.is_empty() {
            return Ok(());
        }
        let dpr = c.scale;
        let ((w, h), offsets, _) = self.layout(c.surface);
        let area = match c.panel {
            Some((_, panel)) => panel,
            None => Rect::new(
                c.frame.x / dpr,
                c.frame.y / dpr,
                c.frame.width / dpr,
                c.frame.height / dpr,
            ),
        };
        let (x0, y0) = self.origin(area, (w, h));
        let dev = |x: f64, y: f64| (x * dpr, y * dpr);
        paint_box(
            c.surface,
            Rect::new(x0 * dpr, y0 * dpr, w * dpr, h * dpr),
            self.background,
            self.border.as_ref(),
            dpr,
        );
        if let (Some(b), Some(color)) = (self.title_box(dpr), self.title_color) {
            b.draw(
                c.surface,
                dev(x0 + self.padding, y0 + self.padding),
                Anchor::new(0.0, 0.0),
                0.0,
                color,
            );
        }
        let sizes = self.entry_sizes(c.surface);
        for ((entry, &(ox, oy)), &(ew, eh)) in self.entries.iter().zip(&offsets).zip(&sizes) {
            let (ex, ey) = (x0 + ox, y0 + oy);
            let glyph = Rect::new(
                ex * dpr,
                (ey + (eh - self.glyph.1) / 2.0) * dpr,
                self.glyph.0 * dpr,
                self.glyph.1 * dpr,
            );
            let mut active = true;
            for &rend in &entry.renderers {
                let Some(view) = c.renderers.iter().find(|v| v.model == rend) else {
                    continue;
                };
                active &= view.visible && !view.muted;
                let maps = (c.maps)(&view.x_range_name, &view.y_range_name);
                // The swatch of the entry's row, in the view's numbering.
                let row = entry.row.and_then(|src| match &view.rows.indices {
                    None => Some(src),
                    Some(kept) => kept.iter().position(|&k| k == src),
                });
                let mut p = Paint {
                    surface: &mut *c.surface,
                    maps,
                    frame: c.frame,
                };
                view.glyph.legend(&mut p, glyph, row);
            }
            if let Some(color) = self.label_color {
                let mut font = self.label_font.clone();
                font.size *= dpr;
                let b = TextBox {
                    metric: HeightMetric::AscentDescent,
                    ..TextBox::new(TickLabel::plain(entry.label.clone()), font)
                };
                let at = dev(ex + self.glyph.0 + self.label_standoff, ey + eh / 2.0);
                b.draw(c.surface, at, Anchor::new(0.0, 0.5), 0.0, color);
            }
            let item = Rect::new(ex * dpr, ey * dpr, ew * dpr, eh * dpr);
            if !active {
                if let Some(fade) = self.inactive {
                    let mut path = Path::new();
                    path.rect(item);
                    c.surface.fill(&path, fade, FillRule::NonZero);
                }
            }
            if self.click_policy != LegendClickPolicy::None {
                c.legend_hits.push(LegendHit {
                    area: PixelRect {
                        left: item.x.floor() as i32,
                        top: item.y.floor() as i32,
                        right: item.right().ceil() as i32,
                        bottom: item.bottom().ceil() as i32,
                    },
                    renderers: entry.renderers.clone(),
                    policy: self.click_policy,
                });
            }
        }
        Ok(())
    }
}
