//! The arithmetic of BokehJS's navigation tools, on screen intervals: which data ranges a
//! pan, a wheel or pinch zoom, a dragged box or a zoom button leaves. Pure functions of
//! a [`View`] (the frame and its scales, as the last paint laid them out); writing the
//! result into the document is `ranges.rs`'s job.

use crate::models::{AutoOr, BoxOrigin, Dimensions};
use crate::render::{FrameLayout, Interval, Scale};

/// What the last paint laid out, in device pixels: the frame and the scales of the
/// figure's default x and y ranges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// The frame's left, top, right and bottom edges.
    pub frame: [f64; 4],
    /// Data x to device pixels.
    pub x: Scale,
    /// Data y to device pixels.
    pub y: Scale,
    /// Device pixels per CSS pixel.
    pub scale: f64,
}

impl View {
    /// The view a paint's layout gives.
    pub fn of(layout: &FrameLayout) -> View {
        let f = layout.frame;
        View {
            frame: [f.left, f.top, f.right, f.bottom].map(f64::from),
            x: layout.x_scale,
            y: layout.y_scale,
            scale: layout.scale,
        }
    }

    /// The view once `change` is drawn: the same frame over the new ranges (so gestures
    /// between two paints build on each other).
    pub fn moved(&self, change: &RangeChange) -> View {
        let [l, t, r, b] = self.frame;
        let rescale = |s: &Scale, to: Option<Interval>, from_px, to_px| {
            to.map_or(*s, |i| Scale::new(s.log, i, from_px, to_px))
        };
        View {
            x: rescale(&self.x, change.x, l, r),
            y: rescale(&self.y, change.y, b, t),
            ..*self
        }
    }

    fn h_range(&self) -> (f64, f64) {
        (self.frame[0], self.frame[2])
    }

    fn v_range(&self) -> (f64, f64) {
        (self.frame[1], self.frame[3])
    }

    /// Where a device pixel is: in the frame, over the x or y axis' band beside it
    /// (where BokehJS's axis views are), or elsewhere.
    pub fn over(&self, (sx, sy): (f64, f64)) -> Over {
        let [l, t, r, b] = self.frame;
        let in_h = (l..=r).contains(&sx);
        let in_v = (t..=b).contains(&sy);
        match (in_h, in_v) {
            (true, true) => Over::Frame,
            (true, false) => Over::XAxis,
            (false, true) => Over::YAxis,
            (false, false) => Over::Outside,
        }
    }
}

/// Where a pointer is against the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    /// Inside the frame.
    Frame,
    /// Above or below it, within its width: over an x axis.
    XAxis,
    /// Left or right of it, within its height: over a y axis.
    YAxis,
    /// Anywhere else.
    Outside,
}

/// New data ranges for the figure's default x and y ranges; `None` leaves one as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RangeChange {
    /// The new x range.
    pub x: Option<Interval>,
    /// The new y range.
    pub y: Option<Interval>,
}

impl RangeChange {
    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.x.is_none() && self.y.is_none()
    }
}

/// The data interval between two screen positions, oriented as the scale's range is
/// (BokehJS's `r_invert`: a flipped range stays flipped).
fn invert(scale: &Scale, s0: f64, s1: f64) -> Interval {
    let (a, b) = (scale.invert(s0), scale.invert(s1));
    let (lo, hi) = (a.min(b), a.max(b));
    if scale.range.start > scale.range.end {
        Interval { start: hi, end: lo }
    } else {
        Interval { start: lo, end: hi }
    }
}

fn widthwise(d: Dimensions) -> bool {
    matches!(d, Dimensions::Width | Dimensions::Both)
}

fn heightwise(d: Dimensions) -> bool {
    matches!(d, Dimensions::Height | Dimensions::Both)
}

/// Which dimensions a pan started at `at` moves (BokehJS's `_interactive_dims`): both in
/// the frame, one over its axis, none elsewhere.
pub fn pan_dims(view: &View, dimensions: Dimensions, at: (f64, f64)) -> Option<Dimensions> {
    match view.over(at) {
        Over::Frame => Some(Dimensions::Both),
        Over::XAxis if widthwise(dimensions) => Some(Dimensions::Width),
        Over::YAxis if heightwise(dimensions) => Some(Dimensions::Height),
        _ => None,
    }
}

/// The ranges after dragging by (`dx`, `dy`) device pixels since the last step, with a
/// PanTool of `dimensions` whose drag began over `started` (see [`pan_dims`]).
pub fn pan(
    view: &View,
    dimensions: Dimensions,
    started: Dimensions,
    dx: f64,
    dy: f64,
) -> RangeChange {
    let (l, r) = view.h_range();
    let (t, b) = view.v_range();
    let x = (widthwise(dimensions) && started != Dimensions::Height)
        .then(|| invert(&view.x, l - dx, r - dx));
    let y = (heightwise(dimensions) && started != Dimensions::Width)
        .then(|| invert(&view.y, t - dy, b - dy));
    RangeChange { x, y }
}

/// BokehJS's `scale_interval`: a screen interval scaled by `factor` about `center`
/// (its middle when none); a positive factor shrinks it (zooms in).
fn scale_interval((lo, hi): (f64, f64), factor: f64, center: Option<f64>) -> (f64, f64) {
    let c = center.unwrap_or((lo + hi) / 2.0);
    (lo - (lo - c) * factor, hi - (hi - c) * factor)
}

/// A zoom by `factor` about screen point `center`, along the axes chosen.
fn zoom(
    view: &View,
    factor: f64,
    x_axis: bool,
    y_axis: bool,
    center: (Option<f64>, Option<f64>),
) -> RangeChange {
    // A factor of 1 or more would collapse or turn the ranges over.
    let factor = factor.clamp(-0.9, 0.9);
    let x = x_axis.then(|| {
        let (s0, s1) = scale_interval(view.h_range(), factor, center.0);
        invert(&view.x, s0, s1)
    });
    let y = y_axis.then(|| {
        let (s0, s1) = scale_interval(view.v_range(), factor, center.1);
        invert(&view.y, s0, s1)
    });
    RangeChange { x, y }
}

/// A WheelZoomTool's settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WheelZoom {
    /// `dimensions`.
    pub dimensions: Dimensions,
    /// `zoom_on_axis`: over an axis, zoom that axis alone (else nothing there).
    pub zoom_on_axis: bool,
    /// `speed`: zoom factor per unit of `delta`.
    pub speed: f64,
}

/// The ranges after a wheel turn of `delta` (BokehJS's: minus the event's `deltaY` in
/// pixels; positive zooms in) with the pointer at `at`; `None` where the wheel does
/// nothing (outside the frame and axes, or over an axis without `zoom_on_axis`).
pub fn wheel_zoom(
    view: &View,
    tool: &WheelZoom,
    at: (f64, f64),
    delta: f64,
) -> Option<RangeChange> {
    let over = view.over(at);
    match over {
        Over::Outside => return None,
        Over::XAxis | Over::YAxis if !tool.zoom_on_axis => return None,
        _ => {}
    }
    let x_axis = widthwise(tool.dimensions) && over != Over::YAxis;
    let y_axis = heightwise(tool.dimensions) && over != Over::XAxis;
    let change = zoom(
        view,
        tool.speed * delta,
        x_axis,
        y_axis,
        (Some(at.0), Some(at.1)),
    );
    (!change.is_empty()).then_some(change)
}

/// The wheel `delta` BokehJS makes of a pinch's `scale` (the fingers' distance over
/// the distance they started at).
pub fn pinch_delta(scale: f64) -> f64 {
    if scale >= 1.0 {
        (scale - 1.0) * 20.0
    } else {
        -20.0 / scale
    }
}

/// A ZoomInTool's (`factor`) or ZoomOutTool's (`-factor / (1 - factor)`, which undoes a
/// zoom in) press: about the frame's centre.
pub fn zoom_button(view: &View, dimensions: Dimensions, factor: f64, zoom_in: bool) -> RangeChange {
    let factor = if zoom_in {
        factor
    } else {
        -factor / (1.0 - factor)
    };
    zoom(
        view,
        factor,
        widthwise(dimensions),
        heightwise(dimensions),
        (None, None),
    )
}

/// A BoxZoomTool's settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoxZoom {
    /// `dimensions`: "auto" picks one dimension for a drag mostly along it.
    pub dimensions: AutoOr<Dimensions>,
    /// `origin`: the drag starts at a corner of the box or at its centre.
    pub origin: BoxOrigin,
}

/// The box (screen x and y limits) a drag from `base` to `current` outlines, clipped to
/// the frame (BokehJS's `_compute_limits`).
pub fn box_limits(
    view: &View,
    tool: &BoxZoom,
    base: (f64, f64),
    current: (f64, f64),
) -> ((f64, f64), (f64, f64)) {
    let base = match tool.origin {
        BoxOrigin::Center => (2.0 * base.0 - current.0, 2.0 * base.1 - current.1),
        BoxOrigin::Corner => base,
    };
    let dims = match tool.dimensions {
        AutoOr::Value(d) => d,
        AutoOr::Auto => {
            // BokehJS's tolerances: 15 px, and three times as long one way as the other.
            let (dx, dy) = ((base.0 - current.0).abs(), (base.1 - current.1).abs());
            if dx < 15.0 && dy > 15.0 && dy > 3.0 * dx {
                Dimensions::Height
            } else if dx > 15.0 && dy < 15.0 && dx > 3.0 * dy {
                Dimensions::Width
            } else {
                Dimensions::Both
            }
        }
    };
    let limit = |on: bool, a: f64, b: f64, (lo, hi): (f64, f64)| {
        if on {
            (a.min(b).max(lo), a.max(b).min(hi))
        } else {
            (lo, hi)
        }
    };
    (
        limit(widthwise(dims), base.0, current.0, view.h_range()),
        limit(heightwise(dims), base.1, current.1, view.v_range()),
    )
}

/// The ranges a box zoom to screen limits leaves; `None` for a box 5 pixels or less
/// across, which BokehJS takes for a cancelled zoom.
pub fn box_zoom(view: &View, (sx, sy): ((f64, f64), (f64, f64))) -> Option<RangeChange> {
    if (sx.1 - sx.0).abs() <= 5.0 || (sy.1 - sy.0).abs() <= 5.0 {
        return None;
    }
    Some(RangeChange {
        x: Some(invert(&view.x, sx.0, sx.1)),
        y: Some(invert(&view.y, sy.0, sy.1)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 400 × 300 frame at (50, 20) over x 0..10 and y -1..1 (y up).
    fn view(log_x: bool) -> View {
        let xr = if log_x {
            Interval {
                start: 1.0,
                end: 1000.0,
            }
        } else {
            Interval {
                start: 0.0,
                end: 10.0,
            }
        };
        View {
            frame: [50.0, 20.0, 450.0, 320.0],
            x: Scale::new(log_x, xr, 50.0, 450.0),
            y: Scale::new(
                false,
                Interval {
                    start: -1.0,
                    end: 1.0,
                },
                320.0,
                20.0,
            ),
            scale: 1.0,
        }
    }

    fn close(a: Interval, start: f64, end: f64) -> bool {
        (a.start - start).abs() < 1e-9 && (a.end - end).abs() < 1e-9
    }

    #[test]
    fn a_drag_moves_the_ranges_by_its_length_through_the_scale() {
        let v = view(false);
        // 40 px right is 1 data unit: the view moves left by 1; 15 px up (0.1 unit) takes
        // the data up with the pointer, so the view shows 0.1 lower.
        let c = pan(&v, Dimensions::Both, Dimensions::Both, 40.0, -15.0);
        assert!(close(c.x.unwrap(), -1.0, 9.0), "{c:?}");
        assert!(close(c.y.unwrap(), -1.1, 0.9), "{c:?}");
        // xpan leaves y alone; a pan begun over the y axis moves y only.
        let c = pan(&v, Dimensions::Width, Dimensions::Both, 40.0, -15.0);
        assert!(c.y.is_none() && c.x.is_some());
        assert_eq!(
            pan_dims(&v, Dimensions::Both, (20.0, 100.0)),
            Some(Dimensions::Height)
        );
        assert_eq!(pan_dims(&v, Dimensions::Width, (20.0, 100.0)), None);
        assert_eq!(pan_dims(&v, Dimensions::Both, (10.0, 5.0)), None);
        let c = pan(&v, Dimensions::Both, Dimensions::Height, 40.0, -15.0);
        assert!(c.x.is_none() && c.y.is_some());
    }

    #[test]
    fn a_moved_view_maps_as_a_new_paint_would() {
        let v = view(false);
        let c = pan(&v, Dimensions::Both, Dimensions::Both, 40.0, 0.0);
        let m = v.moved(&c);
        assert!((m.x.apply(-1.0) - 50.0).abs() < 1e-9 && (m.x.apply(9.0) - 450.0).abs() < 1e-9);
        assert_eq!(m.y, v.y);
    }

    #[test]
    fn a_flipped_range_pans_and_stays_flipped() {
        let mut v = view(false);
        v.x = Scale::new(
            false,
            Interval {
                start: 10.0,
                end: 0.0,
            },
            50.0,
            450.0,
        );
        let c = pan(&v, Dimensions::Both, Dimensions::Both, 40.0, 0.0);
        assert!(close(c.x.unwrap(), 11.0, 1.0), "{c:?}");
    }

    #[test]
    fn the_wheel_zooms_about_the_pointer() {
        let v = view(false);
        let tool = WheelZoom {
            dimensions: Dimensions::Both,
            zoom_on_axis: true,
            speed: 1.0 / 600.0,
        };
        // deltaY -120 (wheel up) is delta 120: factor 0.2, about x = 2.5 (px 150).
        let c = wheel_zoom(&v, &tool, (150.0, 170.0), 120.0).unwrap();
        let x = c.x.unwrap();
        assert!(close(x, 2.5 - 2.5 * 0.8, 2.5 + 7.5 * 0.8), "{x:?}");
        // The point under the pointer stays put.
        assert!((Scale::new(false, x, 50.0, 450.0).apply(2.5) - 150.0).abs() < 1e-9);
        let y = c.y.unwrap();
        assert!(close(y, -0.8, 0.8), "{y:?}");
        // Over the x axis: x alone; without zoom_on_axis: nothing; outside: nothing.
        let c = wheel_zoom(&v, &tool, (150.0, 330.0), 120.0).unwrap();
        assert!(c.y.is_none() && c.x.is_some());
        let off = WheelZoom {
            zoom_on_axis: false,
            ..tool
        };
        assert!(wheel_zoom(&v, &off, (150.0, 330.0), 120.0).is_none());
        assert!(wheel_zoom(&v, &tool, (10.0, 5.0), 120.0).is_none());
        // Zooming out undoes nothing odd: the span grows.
        let c = wheel_zoom(&v, &tool, (250.0, 170.0), -120.0).unwrap();
        assert!(close(c.x.unwrap(), -1.0, 11.0), "{c:?}");
    }

    #[test]
    fn a_log_axis_zooms_in_decades() {
        let v = view(true);
        let c = zoom_button(&v, Dimensions::Width, 0.5, true);
        // The middle decade of three, halved about its centre: 10^0.75 .. 10^2.25.
        let x = c.x.unwrap();
        assert!((x.start.log10() - 0.75).abs() < 1e-9 && (x.end.log10() - 2.25).abs() < 1e-9);
        assert!(c.y.is_none());
    }

    #[test]
    fn zoom_out_undoes_zoom_in() {
        let v = view(false);
        let zin = zoom_button(&v, Dimensions::Both, 0.1, true);
        let x = zin.x.unwrap();
        let v2 = View {
            x: Scale::new(false, x, 50.0, 450.0),
            y: Scale::new(false, zin.y.unwrap(), 320.0, 20.0),
            ..v
        };
        let zout = zoom_button(&v2, Dimensions::Both, 0.1, false);
        assert!(close(zout.x.unwrap(), 0.0, 10.0), "{zout:?}");
        assert!(close(zout.y.unwrap(), -1.0, 1.0), "{zout:?}");
    }

    #[test]
    fn a_box_zooms_to_itself_and_auto_picks_its_dimension() {
        let v = view(false);
        let both = BoxZoom {
            dimensions: AutoOr::Auto,
            origin: BoxOrigin::Corner,
        };
        let lim = box_limits(&v, &both, (130.0, 70.0), (90.0, 120.0));
        assert_eq!(lim, ((90.0, 130.0), (70.0, 120.0)));
        let c = box_zoom(&v, lim).unwrap();
        assert!(close(c.x.unwrap(), 1.0, 2.0), "{c:?}");
        assert!(close(c.y.unwrap(), 1.0 / 3.0, 2.0 / 3.0), "{c:?}");
        // Mostly sideways: width only, the full height kept.
        let lim = box_limits(&v, &both, (100.0, 100.0), (300.0, 105.0));
        assert_eq!(lim, ((100.0, 300.0), (20.0, 320.0)));
        // Clipped to the frame; from the centre; too small is no zoom.
        let lim = box_limits(&v, &both, (60.0, 30.0), (0.0, 0.0));
        assert_eq!(lim, ((50.0, 60.0), (20.0, 30.0)));
        let centred = BoxZoom {
            origin: BoxOrigin::Center,
            ..both
        };
        let lim = box_limits(&v, &centred, (200.0, 200.0), (220.0, 230.0));
        assert_eq!(lim, ((180.0, 220.0), (170.0, 230.0)));
        assert!(box_zoom(&v, ((100.0, 104.0), (20.0, 300.0))).is_none());
    }

    #[test]
    fn a_pinch_zooms_as_bokehjs_turns_it_into_a_wheel_delta() {
        assert_eq!(pinch_delta(1.5), 10.0);
        assert_eq!(pinch_delta(1.0), 0.0);
        assert!(pinch_delta(0.5) < 0.0);
    }
}
