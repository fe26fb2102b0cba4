//! Grids: lines across the frame at an axis' major (and minor) ticks, and bands filling
//! every other interval between them, as BokehJS's Grid draws them.

use crate::core::Rgba;
use crate::document::{AnyId, Value};

use super::axis::AxisView;
use super::read::Reader;
use super::scales::Maps;
use super::surface::{FillRule, Path, Rect, Stroke, Surface};
use super::ticks::{Ticker, Ticks};
use super::RenderError;

pub(crate) struct GridView {
    /// 0: lines across x (vertical), 1: across y.
    pub dimension: u8,
    pub axis: Option<AnyId>,
    ticker: Option<Ticker>,
    pub x_range_name: String,
    pub y_range_name: String,
    visible: bool,
    line: Option<Stroke>,
    minor_line: Option<Stroke>,
    band: Option<Rgba>,
    bounds: Option<(f64, f64)>,
}

impl GridView {
    pub fn read(r: Reader<'_>, grid: AnyId) -> Result<GridView, RenderError> {
        let bounds = match r.value(grid, "bounds")? {
            Value::List(items) => match (
                items.first().and_then(Value::as_f64),
                items.get(1).and_then(Value::as_f64),
            ) {
                (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
                _ => None,
            },
            _ => None,
        };
        Ok(GridView {
            dimension: if r.number(grid, "dimension")? == 0.0 {
                0
            } else {
                1
            },
            axis: r.reference(grid, "axis")?,
            ticker: match r.reference(grid, "ticker")? {
                Some(t) => Some(Ticker::read(r, t)?),
                None => None,
            },
            x_range_name: r.string(grid, "x_range_name")?,
            y_range_name: r.string(grid, "y_range_name")?,
            visible: r.flag(grid, "visible")?,
            line: r.stroke(grid, "grid_", 1.0)?,
            minor_line: r.stroke(grid, "minor_grid_", 1.0)?,
            band: r.fill(grid, "band_")?,
            bounds,
        })
    }

    /// Paints the grid over `frame` (device pixels); `axes` give the ticks.
    pub fn paint(&self, s: &mut dyn Surface, maps: &Maps, frame: Rect, axes: &[AxisView]) {
        if !self.visible {
            return;
        }
        let scale = if self.dimension == 0 {
            &maps.x
        } else {
            &maps.y
        };
        let range = scale.range;
        let (lo, hi) = self.bounds.unwrap_or((range.min(), range.max()));
        let ticks = match (&self.ticker, self.axis) {
            (Some(t), _) => t.ticks(lo, hi),
            (None, Some(axis)) => axes
                .iter()
                .find(|a| a.model == axis)
                .map(|a| a.ticks.clone())
                .unwrap_or_default(),
            (None, None) => Ticks::default(),
        };
        let dpr = maps.scale;
        let (min, max) = (range.min(), range.max());
        // A grid line at `v`, rounded to whole CSS pixels as BokehJS rounds it.
        let at = |v: f64| (scale.apply(v) / dpr).round() * dpr;
        let across = |path: &mut Path, v: f64| {
            let p = at(v);
            if self.dimension == 0 {
                path.move_to(p, frame.y);
                path.line_to(p, frame.bottom());
            } else {
                path.move_to(frame.x, p);
                path.line_to(frame.right(), p);
            }
        };
        if let Some(color) = self.band {
            let mut stops = ticks.major.clone();
            if stops.first() != Some(&min) {
                stops.insert(0, min);
            }
            if stops.last() != Some(&max) {
                stops.push(max);
            }
            let mut path = Path::new();
            for i in (1..stops.len().saturating_sub(1)).step_by(2) {
                let (a, b) = (scale.apply(stops[i]), scale.apply(stops[i + 1]));
                let r = if self.dimension == 0 {
                    Rect::new(a.min(b), frame.y, (b - a).abs(), frame.height)
                } else {
                    Rect::new(frame.x, a.min(b), frame.width, (b - a).abs())
                };
                path.rect(r);
            }
            s.fill(&path, color, FillRule::NonZero);
        }
        let lines = |s: &mut dyn Surface, values: &[f64], stroke: &Option<Stroke>| {
            let Some(stroke) = stroke else { return };
            let mut path = Path::new();
            for &v in values {
                if v != min && v != max && v.is_finite() {
                    across(&mut path, v);
                }
            }
            let stroke = Stroke {
                width: stroke.width * dpr,
                dash: stroke.dash.iter().map(|d| d * dpr).collect(),
                ..stroke.clone()
            };
            s.stroke(&path, &stroke);
        };
        lines(s, &ticks.minor, &self.minor_line);
        lines(s, &ticks.major, &self.line);
    }
}
