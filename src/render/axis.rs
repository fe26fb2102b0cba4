//! Axes of every kind (LinearAxis, LogAxis, DatetimeAxis, CategoricalAxis) on any side,
//! as BokehJS sizes and draws them: the rule along the frame, major and minor ticks
//! reaching in and out, labels oriented and placed by the side's rules (factors with their
//! group levels), the axis label beyond them.

use crate::core::Rgba;
use crate::document::{AnyId, Value};
use crate::models::LabelOrientation;

use super::axis_parts;
use super::format::{Formatter, TickLabel};
use super::label::{kept_on_canvas, Anchor, HeightMetric, TextBox};
use super::layout::Side;
use super::math;
use super::ranges::{FactorMap, Interval, RangeModel};
use super::read::{prop_name, Reader};
use super::scales::Scale;
use super::surface::{Font, Path, Rect, Stroke, Surface, TextMeasure};
use super::ticks::{Ticker, Ticks};
use super::RenderError;

/// One level of labels: the factors' own, or their groups'.
struct LabelLevel {
    positions: Vec<f64>,
    labels: Vec<TickLabel>,
    orientation: LabelOrientation,
    font: Font,
    color: Option<Rgba>,
}

pub(crate) struct AxisView {
    pub model: AnyId,
    pub side: Side,
    pub x_range_name: String,
    pub y_range_name: String,
    visible: bool,
    ticker: Ticker,
    formatter: Formatter,
    major_tick_in: f64,
    major_tick_out: f64,
    minor_tick_in: f64,
    minor_tick_out: f64,
    major_label_standoff: f64,
    axis_label_standoff: f64,
    axis_label: Option<TickLabel>,
    axis_label_orientation: LabelOrientation,
    axis_label_font: Font,
    axis_label_color: Option<Rgba>,
    major_orientation: LabelOrientation,
    major_font: Font,
    major_color: Option<Rgba>,
    /// `major_label_overrides`, read as BokehJS reads them (their math typeset).
    overrides: Vec<(Value, TickLabel)>,
    group_fonts: Option<[(Font, Option<Rgba>, LabelOrientation); 2]>,
    separator: Option<Stroke>,
    /// Scalar strokes at scale 1 (CSS pixels).
    axis_line: Option<Stroke>,
    major_tick_line: Option<Stroke>,
    minor_tick_line: Option<Stroke>,
    bounds: Option<(f64, f64)>,
    /// Where across the frame it is drawn instead of its panel's edge: a coordinate of the
    /// other dimension's range (a number or a factor), as BokehJS's `fixed_location`.
    pub fixed_location: Option<Value>,
    /// Computed from the range: ticks and label levels (major first).
    pub ticks: Ticks,
    levels: Vec<LabelLevel>,
    separators: Vec<f64>,
}

/// The standoff a label level adds beyond its text (BokehJS's `padding`).
const LABEL_PADDING: f64 = 3.0;

impl AxisView {
    pub fn read(r: Reader<'_>, axis: AnyId, side: Side) -> Result<AxisView, RenderError> {
        let kind = r.type_name(axis);
        let ticker = match r.reference(axis, "ticker")? {
            Some(t) => Ticker::read(r, t)?,
            None => axis_parts::standard(kind).0,
        };
        let formatter = match r.reference(axis, "formatter")? {
            Some(f) => Formatter::read(r, f)?,
            None => axis_parts::standard(kind).1,
        };
        let px = |attr: &str| r.pixels(axis, attr);
        let axis_label = match r.value_ref(axis, "axis_label")?.as_ref() {
            Value::Null => None,
            _ => Some(r.text_like(axis, "axis_label")?).filter(|l| !l.text.is_empty()),
        };
        let overrides = match r.value(axis, "major_label_overrides")? {
            Value::Map(entries) => entries
                .into_iter()
                .filter_map(|(k, v)| Some((k, math::label(v.as_str()?.to_owned()))))
                .collect(),
            _ => Vec::new(),
        };
        let group_fonts = if kind == "CategoricalAxis" {
            let level =
                |prefix: &str| -> Result<(Font, Option<Rgba>, LabelOrientation), RenderError> {
                    Ok((
                        r.font(axis, prefix, 1.0)?,
                        r.color(
                            axis,
                            &prop_name(&[prefix, "text_color"]),
                            Some(&prop_name(&[prefix, "text_alpha"])),
                        )?,
                        r.get(axis, &prop_name(&[prefix, "label_orientation"]))?,
                    ))
                };
            Some([level("subgroup_")?, level("group_")?])
        } else {
            None
        };
        let bounds = match r.value(axis, "bounds")? {
            Value::List(items) => match (
                items.first().and_then(Value::as_f64),
                items.get(1).and_then(Value::as_f64),
            ) {
                (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
                _ => None,
            },
            _ => None,
        };
        Ok(AxisView {
            model: axis,
            side,
            x_range_name: r.string(axis, "x_range_name")?,
            y_range_name: r.string(axis, "y_range_name")?,
            visible: r.flag(axis, "visible")?,
            ticker,
            formatter,
            major_tick_in: px("major_tick_in")?,
            major_tick_out: px("major_tick_out")?,
            minor_tick_in: px("minor_tick_in")?,
            minor_tick_out: px("minor_tick_out")?,
            major_label_standoff: px("major_label_standoff")?,
            axis_label_standoff: px("axis_label_standoff")?,
            axis_label,
            axis_label_orientation: r.get(axis, "axis_label_orientation")?,
            axis_label_font: r.font(axis, "axis_label_", 1.0)?,
            axis_label_color: r.color(
                axis,
                "axis_label_text_color",
                Some("axis_label_text_alpha"),
            )?,
            major_orientation: r.get(axis, "major_label_orientation")?,
            major_font: r.font(axis, "major_label_", 1.0)?,
            major_color: r.color(
                axis,
                "major_label_text_color",
                Some("major_label_text_alpha"),
            )?,
            overrides,
            separator: if group_fonts.is_some() {
                r.stroke(axis, "separator_", 1.0)?
            } else {
                None
            },
            group_fonts,
            axis_line: r.stroke(axis, "axis_", 1.0)?,
            major_tick_line: r.stroke(axis, "major_tick_", 1.0)?,
            minor_tick_line: r.stroke(axis, "minor_tick_", 1.0)?,
            bounds,
            fixed_location: match r.value(axis, "fixed_location")? {
                Value::Null => None,
                v => Some(v),
            },
            ticks: Ticks::default(),
            levels: Vec::new(),
            separators: Vec::new(),
        })
    }

    pub fn is_x(&self) -> bool {
        self.side.is_horizontal()
    }

    /// Computes ticks and labels over the axis' range.
    pub fn compute(&mut self, range: &RangeModel, interval: Interval) {
        let (lo, hi) = match self.bounds {
            Some((a, b)) => (a.max(interval.min()), b.min(interval.max())),
            None => (interval.min(), interval.max()),
        };
        self.levels.clear();
        self.separators.clear();
        if let (Some(label), Some(factors)) = (self.ticker.factor_labels(), range.factors()) {
            label(self, factors, lo, hi);
            return;
        }
        self.ticks = self.ticker.ticks(lo, hi);
        let mut labels = self.formatter.format(&self.ticks.major);
        for (t, label) in self.ticks.major.iter().zip(&mut labels) {
            let over = self.overrides.iter().find(|(k, _)| match k {
                Value::Str(s) => s.parse::<f64>().ok() == Some(*t),
                k => k.as_f64() == Some(*t),
            });
            if let Some((_, over)) = over {
                label.clone_from(over);
            }
        }
        self.levels.push(LabelLevel {
            positions: self.ticks.major.clone(),
            labels,
            orientation: self.major_orientation,
            font: self.major_font.clone(),
            color: self.major_color,
        });
    }

    /// A categorical axis' ticks and label levels: its factors' and their groups'
    /// (reached only through a CategoricalTicker's view).
    pub(crate) fn compute_factors(&mut self, f: &FactorMap, lo: f64, hi: f64) {
        let inside = |v: f64| v > lo && v < hi;
        let major: Vec<(f64, String)> = f
            .factors
            .iter()
            .filter_map(|factor| {
                let c = f.center(factor)?;
                inside(c).then(|| (c, factor.last().cloned().unwrap_or_default()))
            })
            .collect();
        self.ticks = Ticks {
            major: major.iter().map(|(c, _)| *c).collect(),
            minor: Vec::new(),
        };
        self.levels.push(LabelLevel {
            positions: self.ticks.major.clone(),
            labels: major
                .into_iter()
                .map(|(_, l)| TickLabel::plain(l))
                .collect(),
            orientation: self.major_orientation,
            font: self.major_font.clone(),
            color: self.major_color,
        });
        let Some([sub, group]) = self.group_fonts.clone() else {
            return;
        };
        let level =
            |keys: Vec<Vec<String>>,
             (font, color, orientation): (Font, Option<Rgba>, LabelOrientation)| {
                let (positions, labels): (Vec<f64>, Vec<TickLabel>) = keys
                    .iter()
                    .filter_map(|k| {
                        let c = f.center(k)?;
                        inside(c)
                            .then(|| (c, TickLabel::plain(k.last().cloned().unwrap_or_default())))
                    })
                    .unzip();
                LabelLevel {
                    positions,
                    labels,
                    orientation,
                    font,
                    color,
                }
            };
        if f.levels == 3 {
            self.levels.push(level(f.mids.clone(), sub));
        }
        if f.levels > 1 {
            let tops: Vec<Vec<String>> = f.tops.iter().map(|t| vec![t.clone()]).collect();
            self.levels.push(level(tops, group));
            // Separators halfway between the last factor of a group and the next's first.
            for pair in f.factors.windows(2) {
                if pair[0][0] != pair[1][0] {
                    if let (Some(a), Some(b)) = (f.center(&pair[0]), f.center(&pair[1])) {
                        let pt = (a + b) / 2.0;
                        if inside(pt) {
                            self.separators.push(pt);
                        }
                    }
                }
            }
        }
    }

    /// The labels of the first level, as drawn.
    pub fn labels(&self) -> &[TickLabel] {
        self.levels.first().map_or(&[], |l| &l.labels)
    }

    /// The label angle and anchor BokehJS uses for `orient` on this side.
    fn heuristics(&self, orient: LabelOrientation) -> (f64, Anchor) {
        use std::f64::consts::FRAC_PI_2 as P2;
        use LabelOrientation as O;
        let side = self.side;
        let angle = match orient {
            O::Angle(a) => -a,
            O::Parallel => match side {
                Side::Left => -P2,
                Side::Right => P2,
                _ => 0.0,
            },
            O::Normal | O::Vertical => match side {
                Side::Above => -P2,
                Side::Below => P2,
                Side::Left | Side::Right if matches!(orient, O::Vertical) => {
                    if side == Side::Left {
                        -P2
                    } else {
                        P2
                    }
                }
                _ => 0.0,
            },
            O::Horizontal => 0.0,
        };
        let (valign, align) = match orient {
            O::Angle(a) if a != 0.0 => {
                let align = match (side, a < 0.0) {
                    (Side::Above, true) | (Side::Left, _) => 1.0,
                    (Side::Above, false) => 0.0,
                    (Side::Below, true) => 0.0,
                    (Side::Below, false) => 1.0,
                    (Side::Right, _) => 0.0,
                };
                (0.5, align)
            }
            o => {
                let name = match o {
                    O::Angle(_) | O::Horizontal => "horizontal",
                    O::Parallel => "parallel",
                    O::Normal => "normal",
                    O::Vertical => "vertical",
                };
                let valign = match (side, name) {
                    (Side::Above, "parallel" | "horizontal") => 1.0,
                    (Side::Below, "parallel" | "horizontal") => 0.0,
                    (Side::Left | Side::Right, "parallel" | "vertical") => 1.0,
                    _ => 0.5,
                };
                let align = match (side, name) {
                    (_, "parallel") => 0.5,
                    (Side::Above | Side::Below, "horizontal") => 0.5,
                    (Side::Above | Side::Below, _) => 0.0,
                    (Side::Left, "vertical") | (Side::Right, "vertical") => 0.5,
                    (Side::Left, _) => 1.0,
                    (Side::Right, _) => 0.0,
                };
                (valign, align)
            }
        };
        (angle, Anchor::new(align, valign))
    }

    fn boxes(&self, level: &LabelLevel) -> Vec<TextBox> {
        let mut boxes: Vec<TextBox> = level
            .labels
            .iter()
            .map(|l| TextBox::new(l.clone(), level.font.clone()))
            .collect();
        // Every label of a level shares the tallest metric (BokehJS's GraphicsBoxes).
        let metric = boxes
            .iter()
            .map(|b| b.metric)
            .max()
            .unwrap_or(HeightMetric::Cap);
        for b in &mut boxes {
            b.metric = metric;
        }
        boxes
    }

    fn tick_extent(&self) -> f64 {
        let major = if self.ticks.major.is_empty() {
            0.0
        } else {
            self.major_tick_out
        };
        let minor = if self.ticks.minor.is_empty() {
            0.0
        } else {
            self.minor_tick_out
        };
        major.max(minor)
    }

    fn level_extents(&self, m: &dyn TextMeasure) -> Vec<f64> {
        self.levels
            .iter()
            .map(|level| {
                if level.labels.is_empty() || level.color.is_none() {
                    return 0.0;
                }
                let (angle, _) = self.heuristics(level.orientation);
                let size = self
                    .boxes(level)
                    .iter()
                    .map(|b| b.rotated_size(m, angle))
                    .fold((0.0, 0.0), |(w, h), (bw, bh)| {
                        (f64::max(w, bw), f64::max(h, bh))
                    });
                let extent = if self.is_x() { size.1 } else { size.0 };
                if extent > 0.0 {
                    self.major_label_standoff + extent + LABEL_PADDING
                } else {
                    0.0
                }
            })
            .collect()
    }

    fn axis_label_box(&self) -> Option<TextBox> {
        let text = self.axis_label.as_ref()?;
        self.axis_label_color?;
        Some(TextBox::new(text.clone(), self.axis_label_font.clone()))
    }

    fn axis_label_extent(&self, m: &dyn TextMeasure) -> f64 {
        let Some(b) = self.axis_label_box() else {
            return 0.0;
        };
        let (angle, _) = self.heuristics(self.axis_label_orientation);
        let (w, h) = b.rotated_size(m, angle);
        let extent = if self.is_x() { h } else { w };
        if extent > 0.0 {
            self.axis_label_standoff + extent + LABEL_PADDING
        } else {
            0.0
        }
    }

    /// How deep the axis' side panel is, in CSS pixels.
    pub fn size(&self, m: &dyn TextMeasure) -> f64 {
        if !self.visible {
            return 0.0;
        }
        let labels: f64 = self.level_extents(m).iter().sum();
        (self.tick_extent() + labels + self.axis_label_extent(m)).round()
    }

    /// The outward normal of the side.
    fn normal(&self) -> (f64, f64) {
        match self.side {
            Side::Above => (0.0, -1.0),
            Side::Below => (0.0, 1.0),
            Side::Left => (-1.0, 0.0),
            Side::Right => (1.0, 0.0),
        }
    }

    /// Paints the axis in its panel `panel` (CSS pixels), along `scale`; its rule at
    /// `fixed` (CSS pixels across, its `fixed_location` placed) when it has one.
    pub fn paint(
        &self,
        s: &mut dyn Surface,
        (panel, fixed): (Rect, Option<f64>),
        scale: &Scale,
        dpr: f64,
        canvas: (f64, f64),
    ) {
        if !self.visible {
            return;
        }
        let (nx, ny) = self.normal();
        // Where the rule is: the panel's edge against the frame.
        let loc = fixed.unwrap_or(match self.side {
            Side::Above => panel.bottom(),
            Side::Below => panel.y,
            Side::Left => panel.right(),
            Side::Right => panel.x,
        });
        // A data coordinate along the axis to CSS pixels (the scale is in device pixels).
        let along = |v: f64| scale.apply(v) / dpr;
        let point = |a: f64, d: f64| -> (f64, f64) {
            if self.is_x() {
                (a, loc + d)
            } else {
                (loc + d, a)
            }
        };
        let dev = |(x, y): (f64, f64)| (x * dpr, y * dpr);
        let scaled = |st: &Stroke| Stroke {
            width: st.width * dpr,
            dash: st.dash.iter().map(|d| d * dpr).collect(),
            ..st.clone()
        };
        // The rule over the ticks' span (or the bounds).
        if let Some(line) = &self.axis_line {
            let (lo, hi) = self
                .bounds
                .unwrap_or((scale.range.min(), scale.range.max()));
            let (a, b) = (along(lo), along(hi));
            let mut path = Path::new();
            let p0 = dev(point(a.round(), 0.0));
            let p1 = dev(point(b.round(), 0.0));
            path.move_to(p0.0, p0.1);
            path.line_to(p1.0, p1.1);
            s.stroke(&path, &scaled(line));
        }
        let ticks =
            |s: &mut dyn Surface, values: &[f64], tin: f64, tout: f64, line: &Option<Stroke>| {
                let Some(line) = line else { return };
                if values.is_empty() {
                    return;
                }
                let mut path = Path::new();
                for &v in values {
                    let a = along(v);
                    if !a.is_finite() {
                        continue;
                    }
                    let out = point(a, 0.0);
                    let (x0, y0) = ((out.0 + nx * tout).round(), (out.1 + ny * tout).round());
                    let (x1, y1) = ((out.0 - nx * tin).round(), (out.1 - ny * tin).round());
                    path.move_to(x0 * dpr, y0 * dpr);
                    path.line_to(x1 * dpr, y1 * dpr);
                }
                s.stroke(&path, &scaled(line));
            };
        ticks(
            s,
            &self.ticks.major,
            self.major_tick_in,
            self.major_tick_out,
            &self.major_tick_line,
        );
        ticks(
            s,
            &self.ticks.minor,
            self.minor_tick_in,
            self.minor_tick_out,
            &self.minor_tick_line,
        );
        // Labels, level by level outwards.
        let extents = self.level_extents(s);
        let mut standoff = self.tick_extent() + self.major_label_standoff;
        for (level, extent) in self.levels.iter().zip(&extents) {
            if let Some(color) = level.color {
                let (angle, anchor) = self.heuristics(level.orientation);
                let boxes = self.boxes(level);
                let n = boxes.len();
                for (k, (b, &v)) in boxes.iter().zip(&level.positions).enumerate() {
                    let a = along(v);
                    if !a.is_finite() {
                        continue;
                    }
                    let mut at = point(a, 0.0);
                    at = (at.0 + nx * standoff, at.1 + ny * standoff);
                    // BokehJS keeps the first and last labels on the canvas.
                    if k == 0 || k + 1 == n {
                        let size = b.rotated_size(s, angle);
                        at = kept_on_canvas(at, anchor, size, canvas, self.is_x());
                    }
                    let mut b = b.clone();
                    b.font.size *= dpr;
                    b.draw(s, dev(at), anchor, angle, color);
                }
            }
            standoff += extent;
        }
        // Separators between groups of factors.
        if let Some(sep) = &self.separator {
            if !self.separators.is_empty() {
                let tex: f64 = extents.iter().sum();
                ticks(s, &self.separators, 3.0, tex - 6.0, &Some(sep.clone()));
            }
        }
        // The axis label.
        if let (Some(b), Some(color)) = (self.axis_label_box(), self.axis_label_color) {
            let tick_labels: f64 = extents.iter().sum();
            let standoff = self.tick_extent() + tick_labels + self.axis_label_standoff;
            let (angle, anchor) = self.heuristics(self.axis_label_orientation);
            let center = if self.is_x() {
                panel.x + panel.width / 2.0
            } else {
                panel.y + panel.height / 2.0
            };
            let base = point(center, 0.0);
            let at = (base.0 + nx * standoff, base.1 + ny * standoff);
            let mut b = b;
            b.font.size *= dpr;
            b.draw(s, dev(at), anchor, angle, color);
        }
    }
}
