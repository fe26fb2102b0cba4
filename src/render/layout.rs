//! Where the parts of a figure go, in device pixels: the plot frame inside the borders
//! that hold the title and the axes, the resolved ranges and the ticks. The page maps data
//! to pixels with the same [`FrameLayout`] that drawing uses.

use super::ranges::{Bounds, Interval};
use super::scene::Scene;
use super::style;
use super::ticks::{format_ticks, Ticks};

/// An affine map from data values to device pixels along one axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearMap {
    pub offset: f64,
    pub factor: f64,
}

impl LinearMap {
    /// The map sending `range.start` to `from_px` and `range.end` to `to_px`.
    pub fn between(range: Interval, from_px: f64, to_px: f64) -> LinearMap {
        let factor = (to_px - from_px) / range.span();
        LinearMap {
            offset: from_px - range.start * factor,
            factor,
        }
    }

    #[inline]
    pub fn apply(self, value: f64) -> f64 {
        self.offset + value * self.factor
    }

    /// The data value at pixel `px`.
    pub fn invert(self, px: f64) -> f64 {
        (px - self.offset) / self.factor
    }
}

/// A rectangle of whole device pixels; `right` and `bottom` are the last pixel row and
/// column inside it, where the outline is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PixelRect {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
}

impl PixelRect {
    pub fn width(self) -> i32 {
        self.right - self.left
    }

    pub fn height(self) -> i32 {
        self.bottom - self.top
    }

    pub fn contains(self, (x, y): (f64, f64)) -> bool {
        f64::from(self.left) <= x
            && x <= f64::from(self.right)
            && f64::from(self.top) <= y
            && y <= f64::from(self.bottom)
    }
}

/// An axis' ticks and their labels.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisTicks {
    pub ticks: Ticks,
    pub labels: Vec<String>,
}

/// A figure laid out on an area of `width` × `height` device pixels at `scale` device
/// pixels per CSS pixel.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameLayout {
    pub width: u32,
    pub height: u32,
    pub scale: f64,
    /// The plot frame: where the data is drawn.
    pub frame: PixelRect,
    pub x_range: Interval,
    pub y_range: Interval,
    /// Ticks of the x dimension (below axis and vertical grid lines).
    pub x_ticks: AxisTicks,
    /// Ticks of the y dimension (left axis and horizontal grid lines).
    pub y_ticks: AxisTicks,
}

impl FrameLayout {
    pub(crate) fn new(scene: &Scene<'_>, width: u32, height: u32, scale: f64) -> FrameLayout {
        let x_bounds = scene
            .lines
            .iter()
            .fold(None, |acc, l| Bounds::union(acc, Bounds::of(&l.x)));
        let y_bounds = scene
            .lines
            .iter()
            .fold(None, |acc, l| Bounds::union(acc, Bounds::of(&l.y)));
        let x_range = scene.x_range.resolve(x_bounds);
        let y_range = scene.y_range.resolve(y_bounds);
        let axis_ticks = |ticker: Option<&super::ticks::Ticker>, range: Interval, sci| {
            let ticks = ticker
                .cloned()
                .unwrap_or_default()
                .ticks(range.start, range.end);
            let labels = format_ticks(&ticks.major, sci);
            AxisTicks { ticks, labels }
        };
        let x_axis = scene.x_axis.as_ref();
        let y_axis = scene.y_axis.as_ref();
        let x_ticks = axis_ticks(
            x_axis.map(|a| &a.ticker),
            x_range,
            x_axis.is_none_or(|a| a.use_scientific),
        );
        let y_ticks = axis_ticks(
            y_axis.map(|a| &a.ticker),
            y_range,
            y_axis.is_none_or(|a| a.use_scientific),
        );

        // Border sizes in CSS pixels, as Bokeh sizes its side panels.
        let top = scene.title.as_ref().map_or(0.0, |t| {
            (t.font_px * style::LINE_HEIGHT).round() + style::TITLE_STANDOFF
        });
        let axis_reach = style::MAJOR_TICK_OUT + style::LABEL_STANDOFF;
        let bottom = if x_axis.is_some() {
            axis_reach + style::TICK_LABEL_FONT_PX
        } else {
            0.0
        };
        let left = if y_axis.is_some() {
            let widest = y_ticks
                .labels
                .iter()
                .map(|l| style::estimate_text_width(l, style::TICK_LABEL_FONT_PX))
                .fold(0.0, f64::max);
            // One more min-border of room: the page's font may be wider than the estimate.
            (axis_reach + widest).ceil() + style::MIN_BORDER
        } else {
            0.0
        };
        let border = |css: f64| (css.max(style::MIN_BORDER) * scale).round() as i32;
        let (w, h) = (width as i32, height as i32);
        let frame = PixelRect {
            left: border(left),
            top: border(top),
            right: (w - border(0.0)).max(border(left) + 1),
            bottom: (h - border(bottom)).max(border(top) + 1),
        };
        FrameLayout {
            width,
            height,
            scale,
            frame,
            x_range,
            y_range,
            x_ticks,
            y_ticks,
        }
    }

    /// Data x to device pixels: the x range spans the frame from left to right.
    pub fn x_map(&self) -> LinearMap {
        let f = self.frame;
        LinearMap::between(self.x_range, f64::from(f.left), f64::from(f.right))
    }

    /// Data y to device pixels: the y range spans the frame from bottom to top.
    pub fn y_map(&self) -> LinearMap {
        let f = self.frame;
        LinearMap::between(self.y_range, f64::from(f.bottom), f64::from(f.top))
    }

    /// The device pixel where the data point (x, y) is drawn.
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        (self.x_map().apply(x), self.y_map().apply(y))
    }

    /// The data point drawn at device pixel `(px, py)`.
    pub fn to_data(&self, px: f64, py: f64) -> (f64, f64) {
        (self.x_map().invert(px), self.y_map().invert(py))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_map_round_trips_and_flips() {
        let range = Interval {
            start: -1.0,
            end: 1.0,
        };
        let m = LinearMap::between(range, 300.0, 100.0);
        assert_eq!(m.apply(-1.0), 300.0);
        assert_eq!(m.apply(1.0), 100.0);
        assert_eq!(m.apply(0.0), 200.0);
        assert!((m.invert(150.0) - 0.5).abs() < 1e-12);
    }
}
