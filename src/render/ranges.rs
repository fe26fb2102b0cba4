//! Ranges in data units: fixed (Range1d) or following the data (DataRange1d).

/// A range from `start` to `end` in data units (`start > end` flips the axis).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub start: f64,
    pub end: f64,
}

impl Interval {
    pub fn span(self) -> f64 {
        self.end - self.start
    }
}

/// The smallest and largest finite values seen, or none.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
}

impl Bounds {
    /// The bounds of `values`, skipping NaN and infinities as Bokeh does.
    pub fn of(values: &[f64]) -> Option<Bounds> {
        values
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(None, |acc, v| {
                Some(match acc {
                    None => Bounds { min: v, max: v },
                    Some(b) => Bounds {
                        min: b.min.min(v),
                        max: b.max.max(v),
                    },
                })
            })
    }

    pub fn union(a: Option<Bounds>, b: Option<Bounds>) -> Option<Bounds> {
        match (a, b) {
            (Some(a), Some(b)) => Some(Bounds {
                min: a.min.min(b.min),
                max: a.max.max(b.max),
            }),
            (a, b) => a.or(b),
        }
    }
}

/// How a figure's range is decided, read from its range model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RangeSpec {
    /// Range1d.
    Fixed(Interval),
    /// DataRange1d: follows the data; a `start` or `end` set on the model wins.
    Data {
        range_padding: f64,
        start: Option<f64>,
        end: Option<f64>,
    },
}

/// Bokeh's DataRange1d default span when all the data sits on one value (or there is none).
const DEFAULT_SPAN: f64 = 2.0;

impl RangeSpec {
    /// The range to draw, given the bounds of the data it follows. Padding is Bokeh's
    /// "percent" kind: the span grows by `range_padding` in total, half on each side.
    pub fn resolve(self, data: Option<Bounds>) -> Interval {
        let (range_padding, start, end) = match self {
            RangeSpec::Fixed(interval) => return interval,
            RangeSpec::Data {
                range_padding,
                start,
                end,
            } => (range_padding, start, end),
        };
        let bounds = data.unwrap_or(Bounds { min: 0.0, max: 0.0 });
        let min = start.unwrap_or(bounds.min);
        let max = end.unwrap_or(bounds.max);
        let span = if max == min {
            DEFAULT_SPAN
        } else {
            (max - min) * (1.0 + range_padding)
        };
        let center = (max + min) / 2.0;
        Interval {
            start: start.unwrap_or(center - span / 2.0),
            end: end.unwrap_or(center + span / 2.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: RangeSpec = RangeSpec::Data {
        range_padding: 0.1,
        start: None,
        end: None,
    };

    #[test]
    fn data_range_pads_five_percent_each_side() {
        let r = DATA.resolve(Bounds::of(&[-1.0, 0.5, 1.0]));
        assert!((r.start + 1.1).abs() < 1e-12 && (r.end - 1.1).abs() < 1e-12);
    }

    #[test]
    fn nan_is_not_data() {
        assert_eq!(
            Bounds::of(&[f64::NAN, 2.0, f64::INFINITY, 3.0]),
            Some(Bounds { min: 2.0, max: 3.0 })
        );
        assert_eq!(Bounds::of(&[f64::NAN]), None);
    }

    #[test]
    fn flat_or_missing_data_gets_the_default_span() {
        assert_eq!(
            DATA.resolve(Bounds::of(&[5.0, 5.0])),
            Interval {
                start: 4.0,
                end: 6.0
            }
        );
        assert_eq!(
            DATA.resolve(None),
            Interval {
                start: -1.0,
                end: 1.0
            }
        );
    }

    #[test]
    fn a_start_set_on_the_model_wins_and_fixed_ranges_ignore_data() {
        let spec = RangeSpec::Data {
            range_padding: 0.1,
            start: Some(0.0),
            end: None,
        };
        let r = spec.resolve(Bounds::of(&[2.0, 12.0]));
        assert_eq!(r.start, 0.0);
        assert!((r.end - 12.6).abs() < 1e-12);
        let fixed = Interval {
            start: 3.0,
            end: 4.0,
        };
        assert_eq!(
            RangeSpec::Fixed(fixed).resolve(Bounds::of(&[0.0, 9.0])),
            fixed
        );
    }
}
