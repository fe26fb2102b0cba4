//! A figure's ranges as its tools move them, kept as BokehJS keeps them: a DataRange1d
//! writes the start and end it computed into the document when drawn (and again when
//! the data moves it) until a tool fixes it; pans and zooms set `start`/`end` as ordinary
//! document changes and end with a `RangesUpdate` event, held within each range's
//! `bounds`, `min_interval` and `max_interval` as BokehJS's range manager holds them;
//! reset puts a Range1d back where it was first seen and lets a DataRange1d follow the
//! data again.

use std::collections::HashMap;

use crate::core::{AnyId, Id, Value};
use crate::document::{Document, DocumentError, EventKind, UiEvent};
use crate::models::{DataRange1d, Figure, Range1d};
use crate::render::{Following, FrameLayout, Interval};

use super::gesture::RangeChange;

/// How a gesture moves the ranges, for the limits (BokehJS's `RangeManager.update`
/// options): a pan at a bound keeps its span; a wheel zoom (`scrolling`) that would pass
/// a bound does nothing when its tool's `maintain_focus` holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Motion {
    /// A pan.
    pub panning: bool,
    /// A wheel (or pinch) zoom.
    pub scrolling: bool,
    /// The WheelZoomTool's `maintain_focus`.
    pub maintain_focus: bool,
}

/// A range's limits: `min_interval`, `max_interval`, its explicit `bounds` and the
/// bounds it is held in (BokehJS's `computed_bounds`: "auto" is a Range1d's first start
/// and end; a missing side is unbounded).
#[derive(Clone, Copy, Debug)]
struct Limits {
    min_interval: Option<f64>,
    max_interval: Option<f64>,
    explicit: Option<(Option<f64>, Option<f64>)>,
    bounds: Option<(f64, f64)>,
}

impl Limits {
    /// BokehJS's `_get_weight_to_constrain_interval`: how much of the move from `old` to
    /// `new` keeps the span within the interval limits (the explicit bounds' width a
    /// maximum too).
    fn weight(&self, old: Interval, new: Interval) -> f64 {
        let mut max_interval = self.max_interval;
        if let Some((Some(lo), Some(hi))) = self.explicit {
            let width = (hi - lo).abs();
            max_interval = Some(max_interval.map_or(width, |m| m.min(width)));
        }
        let (old, new) = ((old.end - old.start).abs(), (new.end - new.start).abs());
        let mut weight: f64 = 1.0;
        if let Some(min) = self.min_interval.filter(|m| *m > 0.0 && new < *m) {
            weight = (old - min) / (old - new);
        }
        if let Some(max) = max_interval.filter(|m| *m > 0.0 && new > *m) {
            weight = (max - old) / (new - old);
        }
        weight.clamp(0.0, 1.0)
    }
}

/// The move from `old` to `new` scaled by `weight`.
fn weighted(old: Interval, new: Interval, weight: f64) -> Interval {
    Interval {
        start: weight * new.start + (1.0 - weight) * old.start,
        end: weight * new.end + (1.0 - weight) * old.end,
    }
}

/// Whether a scale model is a LogScale.
fn is_log(doc: &Document, scale: Option<AnyId>) -> bool {
    scale.is_some_and(|s| doc.model(s).type_name == "LogScale")
}

/// Where `new`'s ends lie along `old`, as fractions of it (0 at its start, 1 at its
/// end), measured as the scale maps them.
fn fractions(old: Interval, new: Interval, log: bool) -> (f64, f64) {
    let f = |v: f64| if log { v.ln() } else { v };
    let (a, b) = (f(old.start), f(old.end));
    ((f(new.start) - a) / (b - a), (f(new.end) - a) / (b - a))
}

/// The interval at fractions `t` of `range` (see [`fractions`]).
fn along(range: Interval, (t0, t1): (f64, f64), log: bool) -> Interval {
    let (f, g) = (
        |v: f64| if log { v.ln() } else { v },
        |v: f64| if log { v.exp() } else { v },
    );
    let (a, b) = (f(range.start), f(range.end));
    Interval {
        start: g(a + t0 * (b - a)),
        end: g(a + t1 * (b - a)),
    }
}

/// Whether a figure's UndoTool and RedoTool have a state to go to: BokehJS disables
/// their buttons while they have none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Steps {
    /// A state before the one in effect (undo).
    pub back: bool,
    /// A state undone (redo).
    pub forward: bool,
}

/// What a page remembers of one figure's x and y ranges.
#[derive(Clone, Debug, Default)]
pub struct Navigation {
    figure: Option<Id<Figure>>,
    /// Each Range1d's start and end when first seen: where reset takes it back.
    initial: HashMap<AnyId, Interval>,
    /// DataRange1ds following the data (not fixed by a tool or a peer), with what this
    /// page last wrote into them.
    following: HashMap<AnyId, Option<Interval>>,
    /// Each DataRange1d's data extent as last computed while it followed: its bounds
    /// when `bounds="auto"` (BokehJS's computed bounds), also once a tool fixed it.
    data_extent: HashMap<AnyId, Interval>,
    /// Each FactorRange's [`FACTOR_LAYOUT`] values as last seen.
    factor_layouts: HashMap<AnyId, Vec<Value>>,
    /// The ranges each pan or zoom left, in order (BokehJS's plot state history), for
    /// UndoTool and RedoTool.
    history: Vec<RangeState>,
    /// How many of them are in effect: 0, none (the ranges as first drawn).
    in_effect: usize,
}

/// Each range's start and end.
type RangeState = Vec<(AnyId, Interval)>;

/// What places a FactorRange's factors: when one of them changes, BokehJS's FactorRange
/// shows all its factors again, wherever a tool had moved it.
const FACTOR_LAYOUT: [&str; 6] = [
    "factors",
    "factor_padding",
    "subgroup_padding",
    "group_padding",
    "range_padding",
    "range_padding_units",
];

fn is_factor_range(doc: &Document, any: AnyId) -> bool {
    doc.try_model(any)
        .is_some_and(|m| m.type_name == "FactorRange")
}

/// A FactorRange's [`FACTOR_LAYOUT`] values.
fn factor_layout(doc: &Document, any: AnyId) -> Vec<Value> {
    FACTOR_LAYOUT
        .iter()
        .map(|attr| doc.get_attr(any, attr).unwrap_or(Value::Null))
        .collect()
}

fn typed<M: crate::core::ModelType>(doc: &Document, any: AnyId) -> Option<Id<M>> {
    doc.typed_id::<M>(doc.model_id(any))
}

impl Navigation {
    /// The ranges of `figure` as they are now.
    pub fn new(doc: &Document, figure: Id<Figure>) -> Navigation {
        let mut nav = Navigation {
            figure: Some(figure),
            ..Navigation::default()
        };
        for any in nav.ranges(doc).into_iter().flatten() {
            nav.learn(doc, any);
        }
        nav
    }

    fn learn(&mut self, doc: &Document, any: AnyId) {
        if let Some(r) = typed::<Range1d>(doc, any) {
            let (start, end) = (doc.get(r, Range1d::START), doc.get(r, Range1d::END));
            self.initial.entry(any).or_insert(Interval { start, end });
        } else if let Some(r) = typed::<DataRange1d>(doc, any) {
            // Set before the first paint: fixed by the app, as BokehJS's `_initial_start`.
            let unset =
                doc.get(r, DataRange1d::START).is_none() && doc.get(r, DataRange1d::END).is_none();
            if unset {
                self.following.entry(any).or_insert(None);
            }
        } else if is_factor_range(doc, any) {
            let layout = || factor_layout(doc, any);
            self.factor_layouts.entry(any).or_insert_with(layout);
        }
    }

    /// The figure's default x and y ranges.
    fn ranges(&self, doc: &Document) -> [Option<AnyId>; 2] {
        let Some(fig) = self.figure.filter(|f| doc.try_model(f.any()).is_some()) else {
            return [None, None];
        };
        [doc.get(fig, Figure::X_RANGE), doc.get(fig, Figure::Y_RANGE)]
    }

    /// The figure's x and y ranges, the extra ones too.
    fn all_ranges(&self, doc: &Document) -> Vec<AnyId> {
        let mut all: Vec<AnyId> = self.ranges(doc).into_iter().flatten().collect();
        if let Some(fig) = self.figure.filter(|f| doc.try_model(f.any()).is_some()) {
            let extras = [Figure::EXTRA_X_RANGES, Figure::EXTRA_Y_RANGES];
            for named in extras.map(|extra| doc.get(fig, extra)) {
                all.extend(named.0.into_iter().map(|(_, any)| any));
            }
        }
        all
    }

    /// The FactorRanges whose factors or paddings changed since this page last looked
    /// (app code, a peer), with the start and end that show all their factors: BokehJS's
    /// FactorRange goes back there then, whatever a tool had made of it. Before a paint,
    /// so that it shows the new factors where they are (see [`Navigation::show_factors`]).
    pub fn factors_changed(&mut self, doc: &Document) -> Vec<(AnyId, Interval)> {
        let mut changed = Vec::new();
        for any in self.all_ranges(doc) {
            if !is_factor_range(doc, any) {
                continue;
            }
            let unchanged = self.factor_layouts.get(&any).is_some_and(|layout| {
                FACTOR_LAYOUT
                    .iter()
                    .zip(layout)
                    .all(|(attr, was)| doc.attr(any, attr).is_ok_and(|now| *now == *was))
            });
            if unchanged {
                continue;
            }
            // Seen first: its start and end stay as the document has them.
            if self
                .factor_layouts
                .insert(any, factor_layout(doc, any))
                .is_none()
            {
                continue;
            }
            if let Some(all) = crate::render::factor_extent(doc, any) {
                if interval(doc, any) != Some(all) {
                    changed.push((any, all));
                }
            }
        }
        changed
    }

    /// Sets each FactorRange [`Navigation::factors_changed`] found to show all its
    /// factors.
    pub fn show_factors(
        doc: &mut Document,
        changed: &[(AnyId, Interval)],
    ) -> Result<(), DocumentError> {
        for &(any, all) in changed {
            set_interval(doc, any, all)?;
        }
        Ok(())
    }

    /// The DataRange1ds to draw as following the data.
    pub fn following(&self) -> Following {
        self.following.keys().copied().collect()
    }

    /// After a paint: writes each following DataRange1d's computed start and end into
    /// the document where they differ (BokehJS's `DataRange1d.update`). A start or end
    /// that changed since this page wrote it (a peer, a callback) fixes the range, unless
    /// it is what this page computes too (another plot sharing the range wrote it).
    pub fn write_computed(
        &mut self,
        doc: &mut Document,
        laid: &FrameLayout,
    ) -> Result<(), DocumentError> {
        let [x, y] = self.ranges(doc);
        for (any, computed) in [(x, laid.x_range), (y, laid.y_range)] {
            let Some(any) = any else { continue };
            self.learn(doc, any);
            let Some(r) = typed::<DataRange1d>(doc, any) else {
                continue;
            };
            let Some(written) = self.following.get(&any).copied() else {
                continue;
            };
            let now = (doc.get(r, DataRange1d::START), doc.get(r, DataRange1d::END));
            let ours = written.map(|w| (Some(w.start), Some(w.end)));
            // What this page computes now was not fixed by anyone: another plot holding
            // the range wrote the extent they share.
            let computed_here = now == (Some(computed.start), Some(computed.end));
            if written.is_some() && Some(now) != ours && !computed_here {
                self.following.remove(&any);
                continue;
            }
            if !computed_here {
                doc.set(r, DataRange1d::START, Some(computed.start))?;
                doc.set(r, DataRange1d::END, Some(computed.end))?;
            }
            self.following.insert(any, Some(computed));
            self.data_extent.insert(any, computed);
        }
        Ok(())
    }

    /// Range `any`'s limits.
    fn limits(&self, doc: &Document, any: AnyId) -> Limits {
        let number = |attr| doc.get_attr(any, attr).ok().and_then(|v| v.as_f64());
        let (explicit, bounds) = match doc.get_attr(any, "bounds") {
            // BokehJS's computed bounds: a Range1d's first start and end, a FactorRange's
            // factors, a DataRange1d's data extent as last computed.
            Ok(Value::Str(s)) if s == "auto" => (
                None,
                self.initial
                    .get(&any)
                    .copied()
                    .or_else(|| crate::render::factor_extent(doc, any))
                    .or_else(|| self.data_extent.get(&any).copied())
                    .map(|i| (i.start.min(i.end), i.start.max(i.end))),
            ),
            Ok(Value::List(sides)) if sides.len() == 2 => {
                let (lo, hi) = (sides[0].as_f64(), sides[1].as_f64());
                let bounds = (lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY));
                (Some((lo, hi)), Some(bounds))
            }
            _ => (None, None),
        };
        Limits {
            min_interval: number("min_interval"),
            max_interval: number("max_interval"),
            explicit,
            bounds,
        }
    }

    /// Sets the ranges a tool chose, held within their limits as BokehJS's range manager
    /// holds them for `motion` (ordinary changes: `on_change` callbacks and peers see
    /// them); a DataRange1d so set stops following the data. Returns what was set.
    pub fn apply(
        &mut self,
        doc: &mut Document,
        change: &RangeChange,
        motion: Motion,
    ) -> Result<RangeChange, DocumentError> {
        let [x, y] = self.ranges(doc);
        // (range, whether the default x or y range, old, new, limits).
        let mut moves = Vec::new();
        for (any, wanted, is_x) in [(x, change.x, true), (y, change.y, false)] {
            let (Some(any), Some(new)) = (any, wanted) else {
                continue;
            };
            if !(new.start.is_finite() && new.end.is_finite() && new.start != new.end) {
                continue;
            }
            let old = interval(doc, any).unwrap_or(new);
            moves.push((any, Some(is_x), old, new, self.limits(doc, any)));
            // The frame's extra ranges of that dimension move alike (BokehJS moves all
            // of a frame's ranges through their own scales).
            for (extra, old_extra, log) in self.extra_ranges(doc, is_x) {
                let t = fractions(old, new, self.default_is_log(doc, is_x));
                let new_extra = along(old_extra, t, log);
                if new_extra.start.is_finite() && new_extra.end.is_finite() {
                    moves.push((extra, None, old_extra, new_extra, self.limits(doc, extra)));
                }
            }
        }
        if motion.scrolling && motion.maintain_focus {
            // Together: one weight keeps the zoom's aspect.
            let weight = moves
                .iter()
                .map(|(_, _, old, new, limits)| limits.weight(*old, *new))
                .fold(1.0, f64::min);
            for (_, _, old, new, _) in &mut moves {
                *new = weighted(*old, *new, weight);
            }
        }
        let mut hit_bound = false;
        for (_, _, old, new, limits) in &mut moves {
            if !motion.scrolling || motion.maintain_focus {
                *new = weighted(*old, *new, limits.weight(*old, *new));
            }
            let Some((min, max)) = limits.bounds else {
                continue;
            };
            let span = (new.end - new.start).abs().min((max - min).abs());
            let keep = motion.panning || motion.scrolling;
            // The low and high ends, whichever way the range runs.
            let reversed = old.start > old.end;
            let (lo, hi) = if reversed {
                (&mut new.end, &mut new.start)
            } else {
                (&mut new.start, &mut new.end)
            };
            if min > *lo {
                hit_bound = true;
                *lo = min;
                if keep {
                    *hi = min + span;
                }
            }
            if max < *hi {
                hit_bound = true;
                *hi = max;
                if keep {
                    *lo = max - span;
                }
            }
        }
        if motion.scrolling && hit_bound && motion.maintain_focus {
            return Ok(RangeChange::default());
        }
        let mut applied = RangeChange::default();
        for (any, default, _, new, _) in moves {
            self.following.remove(&any);
            set_interval(doc, any, new)?;
            match default {
                Some(true) => applied.x = Some(new),
                Some(false) => applied.y = Some(new),
                None => {}
            }
        }
        Ok(applied)
    }

    /// Whether the figure's default x (or y) scale is logarithmic.
    fn default_is_log(&self, doc: &Document, is_x: bool) -> bool {
        self.figure.is_some_and(|fig| {
            let scale = if is_x {
                doc.get(fig, Figure::X_SCALE)
            } else {
                doc.get(fig, Figure::Y_SCALE)
            };
            is_log(doc, scale)
        })
    }

    /// The figure's extra x (or y) ranges with a start and end: each with its interval
    /// and whether its scale (its own extra scale, else the default's kind) is
    /// logarithmic.
    fn extra_ranges(&self, doc: &Document, is_x: bool) -> Vec<(AnyId, Interval, bool)> {
        let Some(fig) = self.figure.filter(|f| doc.try_model(f.any()).is_some()) else {
            return Vec::new();
        };
        let (ranges, scales) = if is_x {
            (
                doc.get(fig, Figure::EXTRA_X_RANGES),
                doc.get(fig, Figure::EXTRA_X_SCALES),
            )
        } else {
            (
                doc.get(fig, Figure::EXTRA_Y_RANGES),
                doc.get(fig, Figure::EXTRA_Y_SCALES),
            )
        };
        let default_log = self.default_is_log(doc, is_x);
        ranges
            .0
            .iter()
            .filter_map(|(name, any)| {
                let i = interval(doc, *any)?;
                let log = scales
                    .0
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or(default_log, |(_, s)| is_log(doc, Some(*s)));
                Some((*any, i, log))
            })
            .collect()
    }

    /// BokehJS's `RangesUpdate` for the figure's ranges as they are now (sent when a
    /// gesture ends) if the figure subscribes to it.
    pub fn ranges_update(&self, doc: &mut Document) -> Result<(), DocumentError> {
        let Some(fig) = self.figure else {
            return Ok(());
        };
        let [x, y] = self.ranges(doc);
        let mut values = Vec::new();
        for (any, names) in [(x, ["x0", "x1"]), (y, ["y0", "y1"])] {
            let Some(i) = any.and_then(|a| interval(doc, a)) else {
                continue;
            };
            values.push((names[0].to_owned(), Value::Float(i.start)));
            values.push((names[1].to_owned(), Value::Float(i.end)));
        }
        let event = UiEvent {
            kind: EventKind::RangesUpdate,
            model: Some(doc.model_id(fig.any()).clone()),
            values,
        };
        doc.emit(event)
    }

    /// A pan or zoom ended: the ranges it left are a state UndoTool steps back from. The
    /// states undone before it are dropped, as BokehJS drops them; a gesture that moved
    /// nothing adds none.
    pub fn remember(&mut self, doc: &Document) {
        let state: RangeState = self
            .all_ranges(doc)
            .into_iter()
            .filter_map(|any| Some((any, interval(doc, any)?)))
            .collect();
        self.history.truncate(self.in_effect);
        if self.history.last() != Some(&state) {
            self.history.push(state);
        }
        self.in_effect = self.history.len();
    }

    /// Whether UndoTool and RedoTool have a state to go to.
    pub fn steps(&self) -> Steps {
        Steps {
            back: self.in_effect > 0,
            forward: self.in_effect < self.history.len(),
        }
    }

    /// UndoTool: the ranges back to the state before the one in effect (before the
    /// first, as first drawn: as after a reset). Whether there was one to go back from.
    pub fn undo(&mut self, doc: &mut Document) -> Result<bool, DocumentError> {
        if self.in_effect == 0 {
            return Ok(false);
        }
        self.in_effect -= 1;
        self.show_state(doc)?;
        Ok(true)
    }

    /// RedoTool: the ranges forward to the state after the one in effect, if one was
    /// undone. Whether there was one.
    pub fn redo(&mut self, doc: &mut Document) -> Result<bool, DocumentError> {
        if self.in_effect == self.history.len() {
            return Ok(false);
        }
        self.in_effect += 1;
        self.show_state(doc)?;
        Ok(true)
    }

    /// Sets the ranges of the state in effect.
    fn show_state(&mut self, doc: &mut Document) -> Result<(), DocumentError> {
        let Some(state) = self
            .in_effect
            .checked_sub(1)
            .map(|i| self.history[i].clone())
        else {
            return self.show_initial(doc);
        };
        for (any, i) in state {
            if doc.try_model(any).is_some() {
                self.following.remove(&any);
                set_interval(doc, any, i)?;
            }
        }
        Ok(())
    }

    /// ResetTool: each Range1d back to where it was first seen, each DataRange1d
    /// following the data again (written at the next paint), each FactorRange showing
    /// all its factors, and Bokeh's `Reset` event (sent if the figure subscribes to it).
    /// The states UndoTool steps through are forgotten, as BokehJS forgets them.
    pub fn reset(&mut self, doc: &mut Document) -> Result<(), DocumentError> {
        let Some(fig) = self.figure else {
            return Ok(());
        };
        self.history.clear();
        self.in_effect = 0;
        self.show_initial(doc)?;
        let event = UiEvent::new(EventKind::Reset, Some(doc.model_id(fig.any()).clone()));
        doc.emit(event)
    }

    /// The default ranges as first drawn (see [`Navigation::reset`]).
    fn show_initial(&mut self, doc: &mut Document) -> Result<(), DocumentError> {
        for any in self.ranges(doc).into_iter().flatten() {
            if let Some(i) = self.initial.get(&any).copied() {
                set_interval(doc, any, i)?;
            } else if typed::<DataRange1d>(doc, any).is_some() {
                self.following.insert(any, None);
            } else if let Some(all) = crate::render::factor_extent(doc, any) {
                set_interval(doc, any, all)?;
            }
        }
        Ok(())
    }
}

/// A range's start and end as the document has them.
/// A range's start and end, if both are numbers.
pub(super) fn interval(doc: &Document, any: AnyId) -> Option<Interval> {
    let number = |attr| doc.get_attr(any, attr).ok().and_then(|v| v.as_f64());
    Some(Interval {
        start: number("start")?,
        end: number("end")?,
    })
}

/// Sets a range's start and end.
pub(super) fn set_interval(
    doc: &mut Document,
    any: AnyId,
    i: Interval,
) -> Result<(), DocumentError> {
    if let Some(r) = typed::<Range1d>(doc, any) {
        doc.set(r, Range1d::START, i.start)?;
        doc.set(r, Range1d::END, i.end)
    } else if let Some(r) = typed::<DataRange1d>(doc, any) {
        doc.set(r, DataRange1d::START, Some(i.start))?;
        doc.set(r, DataRange1d::END, Some(i.end))
    } else {
        // A FactorRange's synthetic start and end: as BokehJS sets them.
        doc.set_attr(any, "start", Value::Float(i.start))?;
        doc.set_attr(any, "end", Value::Float(i.end))
    }
}
