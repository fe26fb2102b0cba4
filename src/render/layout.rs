//! Where the parts of a figure go, as BokehJS lays a plot out: the frame in the middle,
//! side panels around it holding axes, titles, legends and the toolbar (each item stacked
//! outwards from the frame in the order its side lists it), every side at least its
//! `min_border` wide. Sizes are CSS pixels; the page's canvas and the native bitmaps
//! multiply them by the pixel ratio.

use super::format::TickLabel;
use super::ranges::Interval;
use super::scales::Scale;
use super::surface::Rect;
use super::ticks::Ticks;

/// A side of the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Side {
    Above,
    Below,
    Left,
    Right,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Above, Side::Below, Side::Left, Side::Right];

    pub fn is_horizontal(self) -> bool {
        matches!(self, Side::Above | Side::Below)
    }

    /// Its place in per-side arrays (`min_border`'s order: above, below, left, right).
    pub fn index(self) -> usize {
        match self {
            Side::Above => 0,
            Side::Below => 1,
            Side::Left => 2,
            Side::Right => 3,
        }
    }
}

/// A rectangle of whole device pixels, `right` and `bottom` one past the last pixel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PixelRect {
    /// First column of pixels.
    pub left: i32,
    /// First row of pixels.
    pub top: i32,
    /// One past the last column.
    pub right: i32,
    /// One past the last row.
    pub bottom: i32,
}

impl PixelRect {
    /// Width in pixels.
    pub fn width(self) -> i32 {
        self.right - self.left
    }

    /// Height in pixels.
    pub fn height(self) -> i32 {
        self.bottom - self.top
    }

    /// Whether the point (device pixels) is inside the rectangle or on its border.
    pub fn contains(self, (x, y): (f64, f64)) -> bool {
        f64::from(self.left) <= x
            && x <= f64::from(self.right)
            && f64::from(self.top) <= y
            && y <= f64::from(self.bottom)
    }

    pub(crate) fn rect(self) -> Rect {
        Rect::new(
            f64::from(self.left),
            f64::from(self.top),
            f64::from(self.width()),
            f64::from(self.height()),
        )
    }
}

/// An axis' ticks and their labels.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisTicks {
    /// Major and minor tick positions, in data units.
    pub ticks: Ticks,
    /// The major ticks' labels as drawn, an exponent written after `^` (a log axis' `10^2`).
    pub labels: Vec<String>,
}

impl AxisTicks {
    pub(crate) fn new(ticks: Ticks, labels: &[TickLabel]) -> AxisTicks {
        let labels = labels
            .iter()
            .map(|l| match &l.exponent {
                Some(e) => format!("{}^{e}", l.text),
                None => l.text.clone(),
            })
            .collect();
        AxisTicks { ticks, labels }
    }
}

/// A figure laid out on an area of `width` × `height` device pixels at `scale` device
/// pixels per CSS pixel: where its frame is, the ranges it shows, its first axes' ticks.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameLayout {
    /// Width of the drawing area in device pixels.
    pub width: u32,
    /// Height of the drawing area in device pixels.
    pub height: u32,
    /// Device pixels per CSS pixel (2 on a HiDPI screen).
    pub scale: f64,
    /// The plot frame: where the data is drawn.
    pub frame: PixelRect,
    /// The band the toolbar shows in, beside the frame along its length, as BokehJS
    /// lays it out; `None` without a toolbar.
    pub toolbar: Option<PixelRect>,
    /// The default x range, resolved.
    pub x_range: Interval,
    /// The default y range, resolved.
    pub y_range: Interval,
    /// Data (or synthetic factor) x coordinates to device pixels, for the default x range.
    pub x_scale: Scale,
    /// Data (or synthetic factor) y coordinates to device pixels, for the default y range.
    pub y_scale: Scale,
    /// Ticks of the first axis below (else above) the frame; empty without one.
    pub x_ticks: AxisTicks,
    /// Ticks of the first axis left (else right) of the frame.
    pub y_ticks: AxisTicks,
    /// Legend entries that can be clicked (when their legend's click policy says so).
    pub legend_items: Vec<LegendHit>,
}

/// Where a legend entry was drawn and what clicking it does.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendHit {
    /// Where the entry was drawn, in device pixels.
    pub area: PixelRect,
    /// The renderers the entry stands for.
    pub renderers: Vec<crate::document::AnyId>,
    /// What clicking it does (the legend's `click_policy`).
    pub policy: crate::models::LegendClickPolicy,
}

impl FrameLayout {
    /// The device pixel where the data point (x, y) is drawn (default ranges).
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        (self.x_scale.apply(x), self.y_scale.apply(y))
    }

    /// The data point drawn at device pixel `(px, py)`.
    pub fn to_data(&self, px: f64, py: f64) -> (f64, f64) {
        (self.x_scale.invert(px), self.y_scale.invert(py))
    }

    /// The legend entry at device pixel `at`, if any.
    pub fn legend_item_at(&self, at: (f64, f64)) -> Option<&LegendHit> {
        self.legend_items.iter().find(|h| h.area.contains(at))
    }
}

/// Where each side item and the frame go, in CSS pixels.
pub(crate) struct Placement {
    pub frame: Rect,
    /// Per side, each item's panel rectangle, in the order given.
    pub items: [Vec<Rect>; 4],
    /// The whole area (grown when the frame's size is fixed).
    pub width: f64,
    pub height: f64,
}

/// Lays out a plot of `width` × `height` CSS pixels: `sizes[side]` are the depths of the
/// items on that side, nearest the frame first; `frame_size` fixes the frame's width or
/// height (the plot grows around it).
pub(crate) fn place(
    width: f64,
    height: f64,
    min_border: [f64; 4],
    sizes: &[Vec<f64>; 4],
    frame_size: (Option<f64>, Option<f64>),
) -> Placement {
    let depth = |side: Side| {
        let total: f64 = sizes[side.index()].iter().sum();
        total.max(min_border[side.index()])
    };
    let (top, bottom, left, right) = (
        depth(Side::Above),
        depth(Side::Below),
        depth(Side::Left),
        depth(Side::Right),
    );
    let fw = frame_size.0.unwrap_or(width - left - right).max(1.0);
    let fh = frame_size.1.unwrap_or(height - top - bottom).max(1.0);
    let frame = Rect::new(left, top, fw, fh);
    let mut items: [Vec<Rect>; 4] = Default::default();
    for side in Side::ALL {
        let mut offset = 0.0;
        for &size in &sizes[side.index()] {
            let r = match side {
                Side::Above => Rect::new(frame.x, frame.y - offset - size, fw, size),
                Side::Below => Rect::new(frame.x, frame.bottom() + offset, fw, size),
                Side::Left => Rect::new(frame.x - offset - size, frame.y, size, fh),
                Side::Right => Rect::new(frame.right() + offset, frame.y, size, fh),
            };
            items[side.index()].push(r);
            offset += size;
        }
    }
    Placement {
        frame,
        items,
        width: left + fw + right,
        height: top + fh + bottom,
    }
}

impl Placement {
    pub fn side(&self, side: Side) -> &[Rect] {
        &self.items[side.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_stack_outwards_and_min_border_holds() {
        let sizes = [vec![25.0], vec![22.0], vec![29.0], vec![]];
        let p = place(400.0, 300.0, [5.0; 4], &sizes, (None, None));
        // The probe BokehJS laid out: frame 29..395 × 25..278.
        assert_eq!(p.frame, Rect::new(29.0, 25.0, 366.0, 253.0));
        assert_eq!(p.side(Side::Below)[0], Rect::new(29.0, 278.0, 366.0, 22.0));
        assert_eq!(p.side(Side::Left)[0], Rect::new(0.0, 25.0, 29.0, 253.0));
    }
}
