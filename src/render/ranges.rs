//! Ranges in data units: fixed (Range1d), following the data (DataRange1d, with Bokeh's
//! padding, follow and log handling), or of factors (FactorRange, with the categorical
//! axis' view: each factor one unit, nested groups padded apart, as BokehJS maps them to
//! "synthetic" coordinates).

use std::collections::HashMap;

use crate::document::{AnyId, Value};
use crate::models::{Factor, PaddingUnits, StartEnd};

use super::axis_parts::{self, AxisPart, Found};
use super::read::Reader;
use super::RenderError;

/// A range from `start` to `end` in data units (`start > end` flips the axis).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Where the range starts (the left or bottom end of the axis).
    pub start: f64,
    /// Where the range ends.
    pub end: f64,
}

impl Interval {
    /// `end - start`: negative when the axis is flipped.
    pub fn span(self) -> f64 {
        self.end - self.start
    }

    /// The smaller end.
    pub fn min(self) -> f64 {
        self.start.min(self.end)
    }

    /// The larger end.
    pub fn max(self) -> f64 {
        self.start.max(self.end)
    }
}

/// The smallest and largest finite values seen, or none.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// The smallest value.
    pub min: f64,
    /// The largest value.
    pub max: f64,
}

impl Bounds {
    /// The bounds of `values`, skipping NaN and infinities as Bokeh does. It runs over
    /// every point of every redraw: `np::scan`'s SIMD pass.
    pub fn of(values: &[f64]) -> Option<Bounds> {
        rokeh_np::scan::finite_bounds(values).map(|(min, max)| Bounds { min, max })
    }

    /// The bounds of positive values only (what a log axis can show).
    pub fn of_positive(values: &[f64]) -> Option<Bounds> {
        let positive = values.iter().copied().filter(|v| v.is_finite() && *v > 0.0);
        let (min, max) = positive.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        (min <= max).then_some(Bounds { min, max })
    }

    /// Bounds holding both, either, or none.
    pub fn union(a: Option<Bounds>, b: Option<Bounds>) -> Option<Bounds> {
        match (a, b) {
            (Some(a), Some(b)) => Some(Bounds {
                min: a.min.min(b.min),
                max: a.max.max(b.max),
            }),
            (a, b) => a.or(b),
        }
    }

    /// These bounds grown by `by` each side.
    pub fn widened(self, by: f64) -> Bounds {
        Bounds {
            min: self.min - by,
            max: self.max + by,
        }
    }
}

/// What a DataRange1d asks for.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DataRangeSpec {
    pub range_padding: f64,
    pub padding_units: PaddingUnits,
    pub start: Option<f64>,
    pub end: Option<f64>,
    pub default_span: f64,
    pub flipped: bool,
    pub follow: Option<StartEnd>,
    pub follow_interval: Option<f64>,
    pub min_interval: Option<f64>,
    pub max_interval: Option<f64>,
    /// The renderers it follows; `None`: all of the plot's.
    pub renderers: Option<Vec<AnyId>>,
    pub only_visible: bool,
}

impl Default for DataRangeSpec {
    fn default() -> DataRangeSpec {
        DataRangeSpec {
            range_padding: 0.1,
            padding_units: PaddingUnits::Percent,
            start: None,
            end: None,
            default_span: 2.0,
            flipped: false,
            follow: None,
            follow_interval: None,
            min_interval: None,
            max_interval: None,
            renderers: None,
            only_visible: false,
        }
    }
}

/// A start or end set on the model, if it wins over the data's (on a log scale, when
/// positive).
fn winning(set: Option<f64>, log: bool) -> Option<f64> {
    set.filter(|v| !log || *v > 0.0)
}

impl DataRangeSpec {
    /// The range over data `bounds`, as BokehJS's DataRange1d computes it; `log` for a
    /// log scale (padding in decades, non-positive data ignored).
    pub fn resolve(&self, bounds: Option<Bounds>, log: bool) -> Interval {
        let (mut min, mut max) = bounds.map_or((f64::NAN, f64::NAN), |b| (b.min, b.max));
        if let Some(s) = self.start {
            min = s;
        }
        if let Some(e) = self.end {
            max = e;
        }
        let clamp = |span: f64| {
            let lo = self.min_interval.unwrap_or(0.0);
            let hi = self.max_interval.unwrap_or(f64::INFINITY);
            span.max(lo).min(hi)
        };
        let padding = self.range_padding;
        let (mut start, mut end) = if log {
            let bad = |v: f64| !v.is_finite() || v <= 0.0;
            if bad(min) {
                min = if bad(max) { 0.1 } else { max / 100.0 };
            }
            if bad(max) {
                max = if bad(min) { 10.0 } else { min * 100.0 };
            }
            let (center, span) = if max == min {
                (min.log10(), self.default_span + 0.001)
            } else {
                let (lo, hi, span) = match self.padding_units {
                    PaddingUnits::Percent => {
                        let (lo, hi) = (min.log10(), max.log10());
                        (lo, hi, (hi - lo) * (1.0 + padding))
                    }
                    PaddingUnits::Absolute => {
                        let (lo, hi) = ((min - padding).log10(), (max + padding).log10());
                        (lo, hi, hi - lo)
                    }
                };
                ((lo + hi) / 2.0, span)
            };
            let span = clamp(span);
            (
                10f64.powf(center - span / 2.0),
                10f64.powf(center + span / 2.0),
            )
        } else {
            if !min.is_finite() || !max.is_finite() {
                // No data: Bokeh's empty bounds, centred on zero.
                let (lo, hi) = (min.is_finite(), max.is_finite());
                match (lo, hi) {
                    (true, false) => max = min,
                    (false, true) => min = max,
                    _ => {
                        min = 0.0;
                        max = 0.0;
                    }
                }
            }
            let span = if max == min {
                self.default_span
            } else {
                match self.padding_units {
                    PaddingUnits::Percent => (max - min) * (1.0 + padding),
                    PaddingUnits::Absolute => (max - min) + 2.0 * padding,
                }
            };
            let span = clamp(span);
            let center = (max + min) / 2.0;
            (center - span / 2.0, center + span / 2.0)
        };
        let mut sign = 1.0;
        if self.flipped {
            std::mem::swap(&mut start, &mut end);
            sign = -1.0;
        }
        if let Some(interval) = self.follow_interval {
            if (start - end).abs() > interval {
                match self.follow {
                    Some(StartEnd::Start) => end = start + sign * interval,
                    Some(StartEnd::End) => start = end - sign * interval,
                    None => {}
                }
            }
        }
        if let Some(s) = winning(self.start, log) {
            start = s;
        }
        if let Some(e) = winning(self.end, log) {
            end = e;
        }
        Interval { start, end }
    }

    /// Whether [`DataRangeSpec::resolve`] reads the data's bounds: not when a start and an
    /// end set on the model both win (a hit test reads a page's written ones so).
    pub fn needs_bounds(&self, log: bool) -> bool {
        winning(self.start, log).is_none() || winning(self.end, log).is_none()
    }
}

/// Factors to synthetic coordinates, as BokehJS's FactorRange maps them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FactorMap {
    /// 1, 2 or 3.
    pub levels: usize,
    /// Every factor and every group prefix, to its centre.
    centers: HashMap<Vec<String>, f64>,
    /// The range's factors, in order.
    pub factors: Vec<Vec<String>>,
    /// The top-level groups in order (levels 2 and 3).
    pub tops: Vec<String>,
    /// The second-level groups in order (level 3).
    pub mids: Vec<Vec<String>>,
    /// The factors' extent, paddings included (BokehJS's computed start and end).
    pub range: Interval,
    /// What is shown: the range's `start` and `end` once a tool moved them (synthetic
    /// coordinates, as BokehJS pans a FactorRange), else `range`.
    pub shown: Interval,
}

impl FactorMap {
    pub fn new(
        factors: &[Factor],
        factor_padding: f64,
        subgroup_padding: f64,
        group_padding: f64,
        range_padding: f64,
        units: PaddingUnits,
    ) -> Result<FactorMap, String> {
        let factors: Vec<Vec<String>> = factors.iter().map(|f| f.0.clone()).collect();
        let levels = factors.first().map_or(1, Vec::len);
        if factors.iter().any(|f| f.len() != levels) {
            return Err("factor levels are inconsistent".into());
        }
        let mut centers = HashMap::new();
        let mut tops = Vec::new();
        let mut mids = Vec::new();
        let inner_padding = match levels {
            1 => map_one(&factors, &[], factor_padding, 0.0, &mut centers)?,
            2 => map_two(
                &factors,
                &[],
                group_padding,
                factor_padding,
                0.0,
                &mut centers,
                &mut tops,
            )?,
            _ => {
                let (pad, _) = map_three(
                    &factors,
                    group_padding,
                    subgroup_padding,
                    factor_padding,
                    &mut centers,
                    &mut tops,
                    &mut mids,
                )?;
                pad
            }
        };
        let interval = factors.len() as f64 + inner_padding;
        let padding = match units {
            PaddingUnits::Percent => interval * range_padding / 2.0,
            PaddingUnits::Absolute => range_padding,
        };
        Ok(FactorMap {
            levels,
            centers,
            factors,
            tops,
            mids,
            range: Interval {
                start: -padding,
                end: interval + padding,
            },
            shown: Interval {
                start: -padding,
                end: interval + padding,
            },
        })
    }

    /// The centre of a factor (or a group prefix of one).
    pub fn center(&self, factor: &[String]) -> Option<f64> {
        self.centers.get(factor).copied()
    }

    /// A coordinate value's synthetic position: a factor (string or list of strings),
    /// optionally with a numeric offset last; numbers pass through. A factor the range
    /// lacks is NaN, not drawn, as in BokehJS (an app's callback may set the factors
    /// before the data); `None` for a value that is no factor.
    pub fn synthetic(&self, v: &Value) -> Option<f64> {
        let placed = |center: Option<f64>| center.unwrap_or(f64::NAN);
        match v {
            Value::Str(s) => Some(placed(self.center(std::slice::from_ref(s)))),
            Value::List(items) => {
                let (offset, names) = match items.last().and_then(Value::as_f64) {
                    Some(offset) => (offset, &items[..items.len() - 1]),
                    None => (0.0, &items[..]),
                };
                let names: Option<Vec<String>> = names
                    .iter()
                    .map(|n| n.as_str().map(str::to_owned))
                    .collect();
                Some(placed(self.center(&names?)) + offset)
            }
            v => v.as_f64(),
        }
    }
}

type Centers = HashMap<Vec<String>, f64>;

fn key(prefix: &[String], name: &str) -> Vec<String> {
    let mut k = prefix.to_vec();
    k.push(name.to_owned());
    k
}

/// One level: factor i at 0.5 + i·(1 + padding) + offset. Returns the inner padding.
fn map_one(
    factors: &[Vec<String>],
    prefix: &[String],
    padding: f64,
    offset: f64,
    centers: &mut Centers,
) -> Result<f64, String> {
    for (i, f) in factors.iter().enumerate() {
        let k = key(prefix, &f[0]);
        if centers
            .insert(k, 0.5 + i as f64 * (1.0 + padding) + offset)
            .is_some()
        {
            return Err(format!("duplicate factor or subfactor: {}", f[0]));
        }
    }
    Ok((factors.len().max(1) - 1) as f64 * padding)
}

/// Groups in order of first appearance, each with its members' remaining levels.
fn grouped(factors: &[Vec<String>]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut groups: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for f in factors {
        match groups.iter_mut().find(|(g, _)| *g == f[0]) {
            Some((_, members)) => members.push(f[1..].to_vec()),
            None => groups.push((f[0].clone(), vec![f[1..].to_vec()])),
        }
    }
    groups
}

/// Two levels under `prefix`; returns the inner padding.
#[allow(clippy::too_many_arguments)]
fn map_two(
    factors: &[Vec<String>],
    prefix: &[String],
    outer_pad: f64,
    factor_pad: f64,
    offset: f64,
    centers: &mut Centers,
    tops: &mut Vec<String>,
) -> Result<f64, String> {
    let groups = grouped(factors);
    let mut suboffset = offset;
    let mut total_subpad = 0.0;
    for (group, members) in &groups {
        let gk = key(prefix, group);
        let sub = map_one(members, &gk, factor_pad, suboffset, centers)?;
        total_subpad += sub;
        let n = members.len() as f64;
        let sum: f64 = members.iter().map(|m| centers[&key(&gk, &m[0])]).sum();
        centers.insert(gk, sum / n);
        tops.push(group.clone());
        suboffset += n + outer_pad + sub;
    }
    Ok((groups.len().max(1) - 1) as f64 * outer_pad + total_subpad)
}

/// Three levels; returns the inner padding and the last offset.
fn map_three(
    factors: &[Vec<String>],
    outer_pad: f64,
    inner_pad: f64,
    factor_pad: f64,
    centers: &mut Centers,
    tops: &mut Vec<String>,
    mids: &mut Vec<Vec<String>>,
) -> Result<(f64, f64), String> {
    let groups = grouped(factors);
    let mut suboffset = 0.0;
    let mut total_subpad = 0.0;
    for (group, members) in &groups {
        let gk = vec![group.clone()];
        let mut sub_tops = Vec::new();
        let sub = map_two(
            members,
            &gk,
            inner_pad,
            factor_pad,
            suboffset,
            centers,
            &mut sub_tops,
        )?;
        total_subpad += sub;
        let n = members.len() as f64;
        let sum: f64 = members.iter().map(|m| centers[&key(&gk, &m[0])]).sum();
        centers.insert(gk, sum / n);
        tops.push(group.clone());
        for m in sub_tops {
            mids.push(vec![group.clone(), m]);
        }
        suboffset += n + outer_pad + sub;
    }
    Ok((
        (groups.len().max(1) - 1) as f64 * outer_pad + total_subpad,
        suboffset,
    ))
}

/// A FactorRange's factors' extent in synthetic coordinates, paddings included: where
/// BokehJS's `bounds="auto"` holds it. `None` for another range or unreadable factors.
pub fn factor_extent(doc: &crate::document::Document, range: AnyId) -> Option<Interval> {
    let reader = Reader::new(doc, None, None);
    match RangeModel::read(reader, range).ok()? {
        RangeModel::Factor(map) => Some(map.range),
        _ => None,
    }
}

/// A figure's range model, read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RangeModel {
    Fixed(Interval),
    Data(DataRangeSpec),
    Factor(FactorMap),
}

impl RangeModel {
    pub fn read(r: Reader<'_>, range: AnyId) -> Result<RangeModel, RenderError> {
        match r.type_name(range) {
            "Range1d" => {
                let start = r.number(range, "start")?;
                let end = r.number(range, "end")?;
                if !(start.is_finite() && end.is_finite() && start != end) {
                    return Err(r.bad(range, "end", "finite and apart from start (a Range1d)"));
                }
                Ok(RangeModel::Fixed(Interval { start, end }))
            }
            "DataRange1d" => {
                let renderers = match r.value(range, "renderers")? {
                    Value::List(items) if !items.is_empty() => Some(
                        items
                            .iter()
                            .map(|v| r.lookup(range, "renderers", v))
                            .collect::<Result<Vec<_>, _>>()?,
                    ),
                    _ => None,
                };
                let follows = r.follows(range);
                Ok(RangeModel::Data(DataRangeSpec {
                    range_padding: r.number(range, "range_padding")?,
                    padding_units: r.get(range, "range_padding_units")?,
                    start: r
                        .get::<Option<f64>>(range, "start")?
                        .filter(|v| v.is_finite() && !follows),
                    end: r
                        .get::<Option<f64>>(range, "end")?
                        .filter(|v| v.is_finite() && !follows),
                    default_span: r.number(range, "default_span")?,
                    flipped: r.flag(range, "flipped")?,
                    follow: r.get(range, "follow")?,
                    follow_interval: r.get(range, "follow_interval")?,
                    min_interval: r.get(range, "min_interval")?,
                    max_interval: r.get(range, "max_interval")?,
                    renderers,
                    only_visible: r.flag(range, "only_visible")?,
                }))
            }
            other => match axis_parts::find(other, "it follows the data as a DataRange1d") {
                Found::Shown(AxisPart::Range(read)) => read(r, range),
                Found::Lacking => Ok(RangeModel::Data(DataRangeSpec::default())),
                _ => Err(RenderError::Model(format!(
                    "{other} is not a range rokeh draws (Range1d, DataRange1d, FactorRange)"
                ))),
            },
        }
    }

    pub fn factors(&self) -> Option<&FactorMap> {
        match self {
            RangeModel::Factor(f) => Some(f),
            _ => None,
        }
    }
}

/// How a page reads a range model of one kind a view brings.
pub(crate) type ReadRange = fn(Reader<'_>, AnyId) -> Result<RangeModel, RenderError>;

/// A FactorRange's factors and padding (with the categorical axis' view).
pub(crate) fn read_factor_range(r: Reader<'_>, range: AnyId) -> Result<RangeModel, RenderError> {
    let factors: Vec<Factor> = r.get(range, "factors")?;
    let map = FactorMap::new(
        &factors,
        r.number(range, "factor_padding")?,
        r.number(range, "subgroup_padding")?,
        r.number(range, "group_padding")?,
        r.number(range, "range_padding")?,
        r.get(range, "range_padding_units")?,
    )
    .map_err(|e| RenderError::Model(format!("FactorRange: {e}")))?;
    // Bokeh's start and end default to 0 and 0: never set, the factors show.
    let (start, end) = (r.number(range, "start")?, r.number(range, "end")?);
    let moved = start.is_finite() && end.is_finite() && start != end;
    Ok(RangeModel::Factor(FactorMap {
        shown: if moved {
            Interval { start, end }
        } else {
            map.range
        },
        ..map
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> DataRangeSpec {
        DataRangeSpec::default()
    }

    #[test]
    fn data_range_pads_five_percent_each_side() {
        let r = data().resolve(Bounds::of(&[-1.0, 0.5, 1.0]), false);
        assert!((r.start + 1.1).abs() < 1e-12 && (r.end - 1.1).abs() < 1e-12);
    }

    #[test]
    fn nan_is_not_data() {
        assert_eq!(
            Bounds::of(&[f64::NAN, 2.0, f64::INFINITY, 3.0]),
            Some(Bounds { min: 2.0, max: 3.0 })
        );
        assert_eq!(Bounds::of(&[f64::NAN]), None);
        let mut long: Vec<f64> = (0..21).map(f64::from).collect();
        long[3] = f64::NEG_INFINITY;
        long[5] = -7.0;
        long[20] = 99.0;
        long[9] = f64::NAN;
        assert_eq!(
            Bounds::of(&long),
            Some(Bounds {
                min: -7.0,
                max: 99.0
            })
        );
    }

    #[test]
    fn flat_or_missing_data_gets_the_default_span() {
        assert_eq!(
            data().resolve(Bounds::of(&[5.0, 5.0]), false),
            Interval {
                start: 4.0,
                end: 6.0
            }
        );
        assert_eq!(
            data().resolve(None, false),
            Interval {
                start: -1.0,
                end: 1.0
            }
        );
    }

    #[test]
    fn a_start_set_on_the_model_wins() {
        let spec = DataRangeSpec {
            start: Some(0.0),
            ..data()
        };
        let r = spec.resolve(Bounds::of(&[2.0, 12.0]), false);
        assert_eq!(r.start, 0.0);
        assert!((r.end - 12.6).abs() < 1e-12);
    }

    #[test]
    fn log_ranges_pad_in_decades() {
        let r = data().resolve(Bounds::of(&[1.0, 1000.0]), true);
        // Three decades padded by 10%: 10^-0.15 .. 10^3.15.
        assert!((r.start.log10() + 0.15).abs() < 1e-12, "{r:?}");
        assert!((r.end.log10() - 3.15).abs() < 1e-12, "{r:?}");
    }

    #[test]
    fn follow_keeps_the_interval_at_the_end() {
        let spec = DataRangeSpec {
            follow: Some(StartEnd::End),
            follow_interval: Some(10.0),
            range_padding: 0.0,
            ..data()
        };
        let r = spec.resolve(Bounds::of(&[0.0, 100.0]), false);
        assert_eq!((r.start, r.end), (90.0, 100.0));
    }

    #[test]
    fn factors_take_a_unit_each_and_groups_are_padded() {
        let f = |names: &[&str]| Factor(names.iter().map(|s| s.to_string()).collect());
        let flat = FactorMap::new(
            &[f(&["a"]), f(&["b"]), f(&["c"])],
            0.0,
            0.8,
            1.4,
            0.0,
            PaddingUnits::Percent,
        )
        .unwrap();
        assert_eq!(flat.synthetic(&Value::str("b")), Some(1.5));
        assert_eq!(
            flat.range,
            Interval {
                start: 0.0,
                end: 3.0
            }
        );
        let offset = Value::List(vec![Value::str("c"), Value::Float(-0.25)]);
        assert_eq!(flat.synthetic(&offset), Some(2.25));

        let nested = FactorMap::new(
            &[f(&["x", "1"]), f(&["x", "2"]), f(&["y", "1"])],
            0.0,
            0.8,
            1.4,
            0.0,
            PaddingUnits::Percent,
        )
        .unwrap();
        // x: 0.5, 1.5; then 1.4 of group padding; y: 3.9.
        let pair = |a: &str, b: &str| Value::List(vec![Value::str(a), Value::str(b)]);
        assert_eq!(nested.synthetic(&pair("x", "2")), Some(1.5));
        assert_eq!(nested.synthetic(&pair("y", "1")), Some(3.9));
        assert_eq!(nested.synthetic(&Value::str("x")), Some(1.0));
        assert_eq!(nested.tops, ["x", "y"]);
        // A factor the range lacks is not drawn; a value that is no factor is an error.
        assert!(nested.synthetic(&pair("z", "1")).unwrap().is_nan());
        assert!(flat.synthetic(&Value::str("d")).unwrap().is_nan());
        assert_eq!(flat.synthetic(&Value::List(vec![Value::Bool(true)])), None);
        assert!((nested.range.end - 4.4).abs() < 1e-12);
    }
}
