//! Scales: data (or synthetic factor) coordinates to device pixels along one axis, linear
//! or logarithmic, as BokehJS's LinearScale, LogScale and CategoricalScale map them.

use super::ranges::Interval;

/// An affine map from data values to device pixels along one axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearMap {
    /// The pixel of value 0.
    pub offset: f64,
    /// Pixels per data unit (negative when pixels grow the other way, as on a y axis).
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
    /// The pixel of `value`.
    pub fn apply(self, value: f64) -> f64 {
        self.offset + value * self.factor
    }

    /// The data value at pixel `px`.
    pub fn invert(self, px: f64) -> f64 {
        (px - self.offset) / self.factor
    }
}

/// A scale: linear (LinearScale, CategoricalScale over synthetic coordinates) or
/// logarithmic (LogScale: linear in log10 of the value).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Whether the scale is logarithmic (LogScale).
    pub log: bool,
    /// The linear part: from the value (its log10 when `log`) to pixels.
    pub map: LinearMap,
    /// The range mapped, in data units.
    pub range: Interval,
}

impl Scale {
    /// The scale sending `range` onto `from_px..to_px`.
    pub fn new(log: bool, range: Interval, from_px: f64, to_px: f64) -> Scale {
        let mapped = if log {
            Interval {
                start: range.start.log10(),
                end: range.end.log10(),
            }
        } else {
            range
        };
        Scale {
            log,
            map: LinearMap::between(mapped, from_px, to_px),
            range,
        }
    }

    /// This scale as coordinates `source`, mapped linearly onto `target` of this scale's
    /// (Bokeh's CoordinateMapping), see it: a value at `source.start` lands where
    /// `target.start` does. A log scale is left as it is.
    pub fn through(self, source: Interval, target: Interval) -> Scale {
        if self.log {
            return self;
        }
        let k = target.span() / source.span();
        let back = |v: f64| source.start + (v - target.start) / k;
        Scale {
            log: false,
            map: LinearMap {
                factor: self.map.factor * k,
                offset: self.map.offset + self.map.factor * (target.start - source.start * k),
            },
            range: Interval {
                start: back(self.range.start),
                end: back(self.range.end),
            },
        }
    }

    #[inline]
    /// The pixel of `value`; NaN for a value a log scale cannot show (zero or negative).
    pub fn apply(&self, value: f64) -> f64 {
        if self.log {
            if value > 0.0 {
                self.map.apply(value.log10())
            } else {
                f64::NAN
            }
        } else {
            self.map.apply(value)
        }
    }

    /// The data value at pixel `px`.
    pub fn invert(&self, px: f64) -> f64 {
        let v = self.map.invert(px);
        if self.log {
            10f64.powf(v)
        } else {
            v
        }
    }

    /// How many pixels `distance` data units take around `at` (for widths in data
    /// units: the difference of the mapped ends, as BokehJS's `sdist`).
    pub fn distance(&self, at: f64, distance: f64) -> f64 {
        (self.apply(at + distance / 2.0) - self.apply(at - distance / 2.0)).abs()
    }
}

/// A figure's two scales: where renderers of one (x, y) range pair draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Maps {
    /// The x scale.
    pub x: Scale,
    /// The y scale.
    pub y: Scale,
    /// Device pixels per CSS pixel: screen-unit sizes are multiplied by it.
    pub scale: f64,
}

impl Maps {
    #[inline]
    /// The device pixel of the data point (`x`, `y`).
    pub fn point(&self, x: f64, y: f64) -> (f64, f64) {
        (self.x.apply(x), self.y.apply(y))
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

    #[test]
    fn log_scales_give_decades_equal_room() {
        let s = Scale::new(
            true,
            Interval {
                start: 1.0,
                end: 1000.0,
            },
            0.0,
            300.0,
        );
        assert!((s.apply(10.0) - 100.0).abs() < 1e-9);
        assert!((s.apply(100.0) - 200.0).abs() < 1e-9);
        assert!(s.apply(0.0).is_nan());
        assert!((s.invert(100.0) - 10.0).abs() < 1e-9);
    }
}
