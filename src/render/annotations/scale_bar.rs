//! ScaleBar: a bar of a "nice" length of a range with its label ("5 km"), and a title, in
//! a box in the frame, laid out as BokehJS 3.9 lays it out. The bar is `bar_length` of
//! the frame (or pixels, or data units) rounded up to the next nice value of its
//! `dimensional` units; bar, label and title sit in a grid (the label and title beyond
//! the bar on their sides, `standoff` away, aligned along it), `padding` inside a border,
//! the box `margin` inside the frame at `location`.
//!
//! Left out: the background hatch, the `ticker`'s ticks and labels along the bar (Bokeh's
//! default ticker has none), and a scale bar in a side panel (BokehJS sizes that panel from
//! the box, which depends on the ranges a panel's size is computed before).

use std::f64::consts::FRAC_PI_2;

use crate::core::Rgba;
use crate::document::{AnyId, Value};
use crate::format::{fixed, js_number, printf, process_placeholders, MISSING};
use crate::models::{Align, AutoOr, LengthSizing, LengthUnits, Orientation, Place, PositionUnits};
use crate::render::format::TickLabel;
use crate::render::label::{across, anchor_names, anchor_of, Anchor, TextBox};
use crate::render::ranges::{Interval, RangeModel};
use crate::render::read::Reader;
use crate::render::scales::Maps;
use crate::render::surface::{Font, Path, Rect, Stroke, TextMeasure};
use crate::render::RenderError;

use super::dimensional::{Dimensional, Written};
use super::{coordinate, paint_box, AnnotationCtx, AnnotationView};

pub(crate) fn build<'d>(
    r: Reader<'d>,
    bar: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let dimensional = Dimensional::read(r, r.reference(bar, "dimensional")?)?;
    let unit = r.string(bar, "unit")?;
    if !dimensional.knows(&unit) {
        // Python's NON_MATCHING_SCALE_BAR_UNIT; BokehJS fails an assertion.
        return Err(r.bad(bar, "unit", "a unit of its dimensional"));
    }
    let measured = match r.get::<AutoOr<AnyId>>(bar, "range")? {
        AutoOr::Auto => Measured::Frame,
        AutoOr::Value(range) => Measured::Range {
            range,
            own: match RangeModel::read(r, range) {
                Ok(RangeModel::Fixed(interval)) => Some(interval),
                _ => None,
            },
        },
    };
    let location = r.value(bar, "location")?;
    let location = position(&location).ok_or_else(|| r.bad(bar, "location", "a position"))?;
    let anchor = r.value(bar, "anchor")?;
    let anchor = anchor_of(&anchor).ok_or_else(|| r.bad(bar, "anchor", "an anchor"))?;
    let title = r.string(bar, "title")?;
    Ok(Box::new(View {
        measured,
        unit,
        dimensional,
        exact: r.get::<LengthSizing>(bar, "length_sizing")? == LengthSizing::Exact,
        vertical: r.get::<Orientation>(bar, "orientation")? == Orientation::Vertical,
        bar_length: r.number(bar, "bar_length")?,
        bar_length_units: r.get(bar, "bar_length_units")?,
        bar_line: r.stroke(bar, "bar_", 1.0)?,
        location,
        units: (r.get(bar, "x_units")?, r.get(bar, "y_units")?),
        anchor,
        margin: r.pixels(bar, "margin")?,
        padding: r.pixels(bar, "padding")?,
        label: r.string(bar, "label")?,
        label_style: TextStyle::read(r, bar, "label_")?,
        title: Some(title).filter(|t| !t.is_empty()),
        title_style: TextStyle::read(r, bar, "title_")?,
        border: r.stroke(bar, "border_", 1.0)?,
        // The border takes its width in the box even when it is not drawn.
        border_width: r.pixels(bar, "border_line_width")?,
        background: r.fill(bar, "background_")?,
        visible: r.flag(bar, "visible")?,
        x_range_name: r.string(bar, "x_range_name")?,
        y_range_name: r.string(bar, "y_range_name")?,
    }))
}

/// The range a scale bar measures.
enum Measured {
    /// The frame's default x range (y when vertical): Bokeh's `"auto"`.
    Frame,
    /// A range model: the plot's, resolved, or its own start and end when fixed.
    Range { range: AnyId, own: Option<Interval> },
}

/// Where the box goes along one dimension: a fraction of the way across the frame
/// (inside its margin: 0 left or top, 0.5 the centre, 1 right or bottom), or a coordinate
/// in the position's units.
enum Spot {
    Across(f64),
    At(Value),
}

/// A `location`: a named anchor of the frame, or an (x, y) pair of coordinates or names.
fn position(v: &Value) -> Option<(Spot, Spot)> {
    match v {
        Value::Str(name) => {
            let (x, y) = anchor_names(name)?;
            Some((Spot::Across(across(x)?), Spot::Across(across(y)?)))
        }
        Value::List(xy) if xy.len() == 2 => {
            let spot = |v: &Value| match v.as_str().and_then(across) {
                Some(f) => Spot::Across(f),
                None => Spot::At(v.clone()),
            };
            Some((spot(&xy[0]), spot(&xy[1])))
        }
        _ => None,
    }
}

/// How the label or the title looks and where it goes.
struct TextStyle {
    font: Font,
    /// `None`: not drawn, and no room made for it.
    color: Option<Rgba>,
    align: Align,
    location: Place,
    standoff: f64,
}

impl TextStyle {
    fn read(r: Reader<'_>, bar: AnyId, prefix: &str) -> Result<TextStyle, RenderError> {
        let attr = |name: &str| format!("{prefix}{name}");
        Ok(TextStyle {
            font: r.font(bar, prefix, 1.0)?,
            color: r
                .color(bar, &attr("text_color"), Some(&attr("text_alpha")))?
                .filter(|c| c.alpha > 0.0),
            align: r.get(bar, &attr("align"))?,
            location: r.get(bar, &attr("location"))?,
            standoff: r.pixels(bar, &attr("standoff"))?,
        })
    }
}

struct View {
    measured: Measured,
    unit: String,
    dimensional: Dimensional,
    /// `length_sizing` is "exact".
    exact: bool,
    vertical: bool,
    bar_length: f64,
    bar_length_units: LengthUnits,
    bar_line: Option<Stroke>,
    location: (Spot, Spot),
    units: (PositionUnits, PositionUnits),
    anchor: (Option<f64>, Option<f64>),
    margin: f64,
    padding: f64,
    /// The label's template.
    label: String,
    label_style: TextStyle,
    title: Option<String>,
    title_style: TextStyle,
    border: Option<Stroke>,
    border_width: f64,
    background: Option<Rgba>,
    visible: bool,
    x_range_name: String,
    y_range_name: String,
}

/// What goes in a cell of the box's grid.
#[derive(Clone, Copy)]
enum Content {
    Bar,
    /// A text drawn, by its place among them (the label before the title).
    Text(usize),
    /// The standoff between the bar and a text.
    Gap,
}

/// A cell of the grid: its place, its content's size and alignment in it (CSS pixels).
struct Cell {
    row: usize,
    col: usize,
    size: (f64, f64),
    align: (Align, Align),
    content: Content,
}

/// A text ready to draw: its box, its angle and colour.
struct Text {
    text: TextBox,
    angle: f64,
    color: Rgba,
    location: Place,
}

/// The box laid out (CSS pixels): the box, its bar's ends, and each text with the
/// point its box turns about (its top-left corner before turning).
struct Laid {
    bbox: Rect,
    bar: ((f64, f64), (f64, f64)),
    texts: Vec<(Text, (f64, f64))>,
}

impl View {
    /// The length measured and how it is written, and the bar's length in CSS pixels.
    fn length(&self, c: &AnnotationCtx<'_, '_, '_>, maps: &Maps) -> Option<(Written, f64)> {
        let frame_span = if self.vertical {
            c.frame.height
        } else {
            c.frame.width
        } / c.scale;
        let length = self.bar_length;
        let fraction = match self.bar_length_units {
            LengthUnits::Screen if (0.0..=1.0).contains(&length) => length,
            LengthUnits::Screen => (length / frame_span).clamp(0.0, 1.0),
            LengthUnits::Percent => length.clamp(0.0, 1.0),
            LengthUnits::Data => {
                let scale = if self.vertical { maps.y } else { maps.x };
                (scale.apply(length) - scale.apply(0.0)).abs() / c.scale / frame_span
            }
        };
        let range = match &self.measured {
            Measured::Frame => {
                let frame = (c.maps)("default", "default");
                Some(if self.vertical { frame.y } else { frame.x }.range)
            }
            Measured::Range { range, own } => (c.interval)(*range).or(*own),
        }?;
        let value = range.span().abs() * fraction;
        let written = self.dimensional.compute(value, &self.unit, self.exact)?;
        let bar = (frame_span * fraction * written.scale).round();
        bar.is_finite().then_some((written, bar))
    }

    /// A text of the box, if it is drawn: turned along a vertical bar beside it.
    fn text(&self, text: String, style: &TextStyle) -> Option<Text> {
        let color = style.color.filter(|_| !text.is_empty())?;
        let angle = match (style.location, self.vertical) {
            (Place::Left, true) => -FRAC_PI_2,
            (Place::Right, true) => FRAC_PI_2,
            _ => 0.0,
        };
        Some(Text {
            text: TextBox::new(TickLabel::plain(text), style.font.clone()),
            angle,
            color,
            location: style.location,
        })
    }

    /// The grid of the box (BokehJS's layout Grid): the bar in the middle, each text
    /// beyond a gap on its side; rows and columns as tall and wide as their largest cell
    /// (rounded), a cell aligned in its row and column. Returns each cell's top-left
    /// corner and the grid's size.
    fn grid(cells: &[Cell], padding: f64) -> (Vec<(f64, f64)>, (f64, f64)) {
        let rows = cells.iter().map(|c| c.row + 1).max().unwrap_or(0);
        let cols = cells.iter().map(|c| c.col + 1).max().unwrap_or(0);
        let (mut heights, mut widths) = (vec![0.0f64; rows], vec![0.0f64; cols]);
        for c in cells {
            heights[c.row] = heights[c.row].max(c.size.1.round());
            widths[c.col] = widths[c.col].max(c.size.0.round());
        }
        let starts = |sizes: &[f64]| {
            let mut at = padding;
            sizes
                .iter()
                .map(|s| {
                    at += s;
                    at - s
                })
                .collect::<Vec<f64>>()
        };
        let (tops, lefts) = (starts(&heights), starts(&widths));
        let offset = |align: Align, room: f64, size: f64| match align {
            Align::Start => 0.0,
            Align::Center => ((room - size) / 2.0).round(),
            Align::End => room - size,
        };
        let corners = cells
            .iter()
            .map(|c| {
                (
                    lefts[c.col] + offset(c.align.0, widths[c.col], c.size.0),
                    tops[c.row] + offset(c.align.1, heights[c.row], c.size.1),
                )
            })
            .collect();
        (corners, (widths.iter().sum(), heights.iter().sum()))
    }

    /// The box laid out in the frame; `None` when the range or the length cannot be
    /// measured (nothing is drawn).
    fn layout(&self, c: &AnnotationCtx<'_, '_, '_>) -> Option<Laid> {
        let m: &dyn TextMeasure = &*c.surface;
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        let (written, bar) = self.length(c, &maps)?;
        let label = label_text(&self.label, &written);
        let texts: Vec<(Text, &TextStyle)> = [
            (Some(label), &self.label_style),
            (self.title.clone(), &self.title_style),
        ]
        .into_iter()
        .filter_map(|(text, style)| Some((self.text(text?, style)?, style)))
        .collect();
        // The bar, and outwards from it on each text's side a gap, then the text.
        let beyond = |place: Place| 2 * texts.iter().filter(|(_, s)| s.location == place).count();
        let (row, col) = (beyond(Place::Above), beyond(Place::Left));
        let (size, align) = if self.vertical {
            ((0.0, bar), (Align::Center, Align::Start))
        } else {
            ((bar, 0.0), (Align::Start, Align::Center))
        };
        let mut cells = vec![Cell {
            row,
            col,
            size,
            align,
            content: Content::Bar,
        }];
        let mut placed = [0; 4];
        for (k, (t, style)) in texts.iter().enumerate() {
            let along = if self.vertical {
                (Align::Start, style.align)
            } else {
                (style.align, Align::Start)
            };
            let gap = match style.location {
                Place::Above | Place::Below => (0.0, style.standoff),
                Place::Left | Place::Right => (style.standoff, 0.0),
            };
            let text = t.text.rotated_size(m, t.angle);
            for (size, align, content) in [
                (gap, (Align::Start, Align::Start), Content::Gap),
                (text, along, Content::Text(k)),
            ] {
                let out = &mut placed[side_index(style.location)];
                *out += 1;
                let (row, col) = match style.location {
                    Place::Above => (row - *out, col),
                    Place::Below => (row + *out, col),
                    Place::Left => (row, col - *out),
                    Place::Right => (row, col + *out),
                };
                cells.push(Cell {
                    row,
                    col,
                    size,
                    align,
                    content,
                });
            }
        }
        let (corners, (gw, gh)) = Self::grid(&cells, self.padding);
        let edge = 2.0 * (self.border_width + self.padding);
        let (w, h) = (gw + edge, gh + edge);
        let bbox = self.place(c, &maps, (w, h))?;
        let local = |(x, y): (f64, f64)| (bbox.x + x, bbox.y + y);
        let mut laid = Laid {
            bbox,
            bar: ((0.0, 0.0), (0.0, 0.0)),
            texts: Vec::new(),
        };
        let mut texts: Vec<Option<Text>> = texts.into_iter().map(|(t, _)| Some(t)).collect();
        for (cell, &(x, y)) in cells.iter().zip(&corners) {
            match cell.content {
                // BokehJS's axis rule, at whole pixels of the box.
                Content::Bar => {
                    let (x1, y1) = (x + cell.size.0, y + cell.size.1);
                    laid.bar = (
                        local((x.round(), y.round())),
                        local((x1.round(), y1.round())),
                    );
                }
                Content::Text(k) => {
                    let Some(t) = texts[k].take() else { continue };
                    // A turned text's box starts at the corner it turns about.
                    let (dx, dy) = match (t.location, self.vertical) {
                        (Place::Left, true) => (0.0, cell.size.1),
                        (Place::Right, true) => (cell.size.0, 0.0),
                        _ => (0.0, 0.0),
                    };
                    laid.texts.push((t, local((x + dx, y + dy))));
                }
                Content::Gap => {}
            }
        }
        Some(laid)
    }

    /// The box of size `size` at its location in the frame (CSS pixels).
    fn place(
        &self,
        c: &AnnotationCtx<'_, '_, '_>,
        maps: &Maps,
        (w, h): (f64, f64),
    ) -> Option<Rect> {
        let dpr = c.scale;
        let f = Rect::new(
            c.frame.x / dpr,
            c.frame.y / dpr,
            c.frame.width / dpr,
            c.frame.height / dpr,
        );
        let m = self.margin;
        let inset = Rect::new(f.x + m, f.y + m, f.width - 2.0 * m, f.height - 2.0 * m);
        let xf = (c.factors)(&self.x_range_name, true);
        let yf = (c.factors)(&self.y_range_name, false);
        let x = match &self.location.0 {
            Spot::Across(k) => inset.x + k * inset.width,
            Spot::At(v) => {
                let x = coordinate(v, xf)?;
                match self.units.0 {
                    PositionUnits::Data => maps.x.apply(x) / dpr,
                    PositionUnits::Screen | PositionUnits::View => f.x + x,
                    PositionUnits::Percent => f.x + x * f.width,
                }
            }
        };
        let y = match &self.location.1 {
            Spot::Across(k) => inset.y + k * inset.height,
            Spot::At(v) => {
                let y = coordinate(v, yf)?;
                match self.units.1 {
                    PositionUnits::Data => maps.y.apply(y) / dpr,
                    PositionUnits::Screen => f.y + y,
                    PositionUnits::View => f.bottom() - y,
                    PositionUnits::Percent => f.y + y * f.height,
                }
            }
        };
        // An "auto" anchor is the location's own (the box inside the frame's corner or
        // side), the box's centre at a coordinate.
        let auto = |spot: &Spot| match spot {
            Spot::Across(k) => *k,
            Spot::At(_) => 0.5,
        };
        let ax = self.anchor.0.unwrap_or_else(|| auto(&self.location.0));
        let ay = self.anchor.1.unwrap_or_else(|| auto(&self.location.1));
        let bbox = Rect::new(x - ax * w, y - ay * h, w, h);
        (bbox.x.is_finite() && bbox.y.is_finite()).then_some(bbox)
    }
}

/// A label's `template` filled in as BokehJS fills it: a nice value as JavaScript writes
/// it, an exact one with two decimals or its printf `{format}`; the unit's short name.
fn label_text(template: &str, w: &Written) -> String {
    process_placeholders(template, |_, name, format| match name {
        "value" if w.exact => format.map_or_else(|| fixed(w.value, 2), |f| printf(w.value, f)),
        "value" => js_number(w.value),
        "unit" if format.is_none_or(|f| f == "short") => w.unit.clone(),
        _ => MISSING.to_owned(),
    })
}

/// A side's place in the layout's per-side lists (above, below, left, right).
fn side_index(place: Place) -> usize {
    match place {
        Place::Above => 0,
        Place::Below => 1,
        Place::Left => 2,
        Place::Right => 3,
    }
}

impl AnnotationView for View {
    // A box from the ranges and the frame, not the data.
    fn reads_data(&self) -> bool {
        false
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        // In a side panel: left out (see the module's note).
        if !self.visible || c.panel.is_some() {
            return Ok(());
        }
        let Some(laid) = self.layout(c) else {
            return Ok(());
        };
        let dpr = c.scale;
        let dev = |(x, y): (f64, f64)| (x * dpr, y * dpr);
        let b = laid.bbox;
        paint_box(
            c.surface,
            Rect::new(b.x * dpr, b.y * dpr, b.width * dpr, b.height * dpr),
            self.background,
            self.border.as_ref(),
            dpr,
        );
        if let Some(line) = &self.bar_line {
            let ((x0, y0), (x1, y1)) = (dev(laid.bar.0), dev(laid.bar.1));
            let mut path = Path::new();
            path.move_to(x0, y0);
            path.line_to(x1, y1);
            c.surface.stroke(&path, &line.scaled(dpr));
        }
        for (t, at) in laid.texts {
            let mut text = t.text;
            text.font.size *= dpr;
            text.draw(c.surface, dev(at), Anchor::new(0.0, 0.0), t.angle, t.color);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_written_as_bokehjs_writes_them() {
        let written = |value: f64, exact: bool| Written {
            value,
            unit: "km".into(),
            scale: 1.0,
            exact,
        };
        let label = |t: &str, w: &Written| label_text(t, w);
        assert_eq!(label("@{value} @{unit}", &written(5.0, false)), "5 km");
        assert_eq!(label("@{value} @{unit}", &written(0.5, false)), "0.5 km");
        assert_eq!(label("@{value} @{unit}", &written(4.3604, true)), "4.36 km");
        assert_eq!(
            label("@{value}{%.1f}@unit", &written(4.3604, true)),
            "4.4km"
        );
        assert_eq!(label("@{unit}{long} @{x}", &written(1.0, false)), "??? ???");
    }

    #[test]
    fn positions_and_anchors_name_fractions_of_the_frame() {
        let spot = |s: &Spot| match s {
            Spot::Across(k) => Some(*k),
            Spot::At(_) => None,
        };
        let at = |v: Value| position(&v).map(|(x, y)| (spot(&x), spot(&y)));
        assert_eq!(at(Value::str("top_right")), Some((Some(1.0), Some(0.0))));
        assert_eq!(at(Value::str("left")), Some((Some(0.0), Some(0.5))));
        assert_eq!(at(Value::str("bottom")), Some((Some(0.5), Some(1.0))));
        let pair = Value::List(vec![Value::Float(2.0), Value::str("top")]);
        assert_eq!(at(pair), Some((None, Some(0.0))));
        assert_eq!(anchor_of(&Value::str("auto")), Some((None, None)));
        assert_eq!(
            anchor_of(&Value::str("center_left")),
            Some((Some(0.0), Some(0.5)))
        );
        let pair = Value::List(vec![Value::Float(0.25), Value::str("end")]);
        assert_eq!(anchor_of(&pair), Some((Some(0.25), Some(1.0))));
    }
}
