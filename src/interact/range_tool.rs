//! RangeTool, as BokehJS's: its box spans the ranges it names (as a rule another plot's)
//! over the plot it belongs to; a drag inside the box moves them, a drag on an edge moves
//! that end, and with `start_gesture` "pan" a drag elsewhere in the frame draws them
//! anew. The box stays within the frame, as BokehJS limits its overlay to it.

use crate::core::AnyId;
use crate::document::{Document, DocumentError};
use crate::models::{RangeStartGesture, RangeTool};
use crate::render::{Interval, Scale};

use super::ranges::{interval, set_interval};
use super::View;

/// How near an edge (CSS pixels) a press grabs it rather than the box.
const EDGE_REACH: f64 = 4.0;

/// What a press took hold of, along one dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hold {
    /// Nothing: this dimension stays as it is.
    Still,
    /// The whole span: it moves.
    Span,
    /// Its low (left, bottom) end, in pixels.
    Low,
    /// Its high (right, top) end, in pixels.
    High,
    /// A new span from where the press was to where the pointer is.
    New,
}

/// One dimension of a drag: the range, its interval and pixel extent at the press, and
/// what was taken hold of.
#[derive(Clone, Copy, Debug)]
struct Axis {
    range: AnyId,
    at_press: Interval,
    /// The span's ends in device pixels, low first.
    px: (f64, f64),
    /// The frame's ends along this dimension, low first.
    frame: (f64, f64),
    hold: Hold,
}

impl Axis {
    /// The interval once the pointer moved by `delta` pixels from `pressed` (in pixels
    /// along this dimension), kept in the frame and at least a pixel wide.
    fn moved(&self, scale: &Scale, pressed: f64, delta: f64) -> Option<Interval> {
        let (lo, hi) = self.px;
        let (min, max) = self.frame;
        let (lo, hi) = match self.hold {
            Hold::Still => return None,
            Hold::Span => {
                // A box within the frame stays in it; one already past it moves freely.
                let fits = lo >= min && hi <= max;
                let delta = if fits {
                    delta.clamp(min - lo, max - hi)
                } else {
                    delta
                };
                (lo + delta, hi + delta)
            }
            // In the frame, but a pixel wide first (a box reaching past the frame keeps
            // its width rather than jump to its edge).
            Hold::Low => ((lo + delta).max(min.min(lo)).min(hi - 1.0), hi),
            Hold::High => (lo, (hi + delta).min(max.max(hi)).max(lo + 1.0)),
            Hold::New => {
                let (a, b) = (pressed, (pressed + delta).clamp(min, max));
                if (a - b).abs() < 1.0 {
                    return None;
                }
                (a.min(b), a.max(b))
            }
        };
        // The ends back in data units, the range's own way round.
        let (start_px, end_px) =
            match scale.apply(self.at_press.start) <= scale.apply(self.at_press.end) {
                true => (lo, hi),
                false => (hi, lo),
            };
        Some(Interval {
            start: scale.invert(start_px),
            end: scale.invert(end_px),
        })
    }
}

/// A RangeTool's drag, from its press to where the pointer is.
#[derive(Clone, Debug)]
pub struct RangeDrag {
    from: (f64, f64),
    x: Option<Axis>,
    y: Option<Axis>,
}

impl RangeDrag {
    /// The drag a press at device pixel `at` begins on `tool`'s box, drawn in `view`;
    /// `None` when the press is not on the box (nor, with `start_gesture` "pan", in the
    /// frame), or the tool has no range to move.
    pub fn start(doc: &Document, tool: AnyId, view: &View, at: (f64, f64)) -> Option<RangeDrag> {
        let tool = doc.typed_id::<RangeTool>(doc.model_id(tool))?;
        let [left, top, right, bottom] = view.frame;
        let reach = EDGE_REACH * view.scale;
        let near_frame = |(lo, hi): (f64, f64), v: f64| (lo - reach..=hi + reach).contains(&v);
        if !(near_frame((left, right), at.0) && near_frame((top, bottom), at.1)) {
            return None;
        }
        let in_frame = (left..=right).contains(&at.0) && (top..=bottom).contains(&at.1);
        // Each dimension with a range; held as a whole for now, or not at all when the
        // tool does not move it.
        let side = |range: Option<AnyId>, moves: bool, scale: &Scale, frame: (f64, f64)| {
            let range = range?;
            let at_press = interval(doc, range)?;
            let (a, b) = (scale.apply(at_press.start), scale.apply(at_press.end));
            Some(Axis {
                range,
                at_press,
                px: (a.min(b), a.max(b)),
                frame,
                hold: if moves { Hold::Span } else { Hold::Still },
            })
        };
        let x = side(
            doc.get(tool, RangeTool::X_RANGE),
            doc.get(tool, RangeTool::X_INTERACTION),
            &view.x,
            (left, right),
        );
        // Pixels grow downwards: the low end of a y span is its top on screen.
        let y = side(
            doc.get(tool, RangeTool::Y_RANGE),
            doc.get(tool, RangeTool::Y_INTERACTION),
            &view.y,
            (top, bottom),
        );
        if x.is_none() && y.is_none() {
            return None;
        }
        // The box's extent: a dimension without a range spans the frame.
        let (x0, x1) = x.map_or((left, right), |a| a.px);
        let (y0, y1) = y.map_or((top, bottom), |a| a.px);
        let inside = |v: f64, (lo, hi): (f64, f64)| (lo - reach..=hi + reach).contains(&v);
        let on_box = inside(at.0, (x0, x1)) && inside(at.1, (y0, y1));
        // Near an edge of a dimension the tool moves: that edge (two: a corner); else the
        // whole box.
        let near = |v: f64, (lo, hi): (f64, f64), movable: bool| {
            let (low, high) = ((v - lo).abs(), (v - hi).abs());
            if !movable || low.min(high) > reach {
                Hold::Span
            } else if high < low || (high == low && v > lo) {
                // The nearer edge: a box narrower than the reach is still widened.
                Hold::High
            } else {
                Hold::Low
            }
        };
        let (hx, hy) = if on_box {
            let moves = |a: Option<Axis>| a.is_some_and(|a| a.hold != Hold::Still);
            let (hx, hy) = (
                near(at.0, (x0, x1), moves(x)),
                near(at.1, (y0, y1), moves(y)),
            );
            let edge = |h: Hold| if h == Hold::Span { Hold::Still } else { h };
            match hx == Hold::Span && hy == Hold::Span {
                true => (Hold::Span, Hold::Span),
                false => (edge(hx), edge(hy)),
            }
        } else if in_frame && doc.get(tool, RangeTool::START_GESTURE) == RangeStartGesture::Pan {
            (Hold::New, Hold::New)
        } else {
            return None;
        };
        let axis = |a: Option<Axis>, hold: Hold| {
            a.map(|a| match a.hold {
                Hold::Still => a,
                _ => Axis { hold, ..a },
            })
        };
        let drag = RangeDrag {
            from: at,
            x: axis(x, hx),
            y: axis(y, hy),
        };
        let holds = [drag.x, drag.y].map(|a| a.is_some_and(|a| a.hold != Hold::Still));
        (holds[0] || holds[1]).then_some(drag)
    }

    /// The ranges' new intervals with the pointer at device pixel `at`, as `view` (the
    /// view at the press) maps them.
    pub fn to(&self, view: &View, at: (f64, f64)) -> Vec<(AnyId, Interval)> {
        let (dx, dy) = (at.0 - self.from.0, at.1 - self.from.1);
        let mut moves = Vec::new();
        if let Some(x) = &self.x {
            moves.extend(x.moved(&view.x, self.from.0, dx).map(|i| (x.range, i)));
        }
        if let Some(y) = &self.y {
            moves.extend(y.moved(&view.y, self.from.1, dy).map(|i| (y.range, i)));
        }
        moves
    }
}

/// Sets the ranges a RangeTool's drag chose: ordinary changes, which the plots showing
/// them repaint for and `on_change` callbacks and peers see.
pub fn set_ranges(doc: &mut Document, moves: &[(AnyId, Interval)]) -> Result<(), DocumentError> {
    for &(range, i) in moves {
        set_interval(doc, range, i)?;
    }
    Ok(())
}
