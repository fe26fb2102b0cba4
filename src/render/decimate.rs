//! Long series reduced per pixel column before drawing: of each run of consecutive points
//! that fall in one column, only the first, the lowest, the highest and the last are kept,
//! in their original order. The drawn picture is the same; the work of drawing is bounded
//! by the frame's width instead of the number of points.

use std::ops::RangeInclusive;

use super::layout::LinearMap;

/// Sub-paths in device pixels (f64): a NaN or infinite point breaks the line, as in Bokeh.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Polyline {
    points: Vec<(f64, f64)>,
    /// Where each sub-path starts in `points`.
    starts: Vec<usize>,
}

impl Polyline {
    pub fn with_capacity(points: usize) -> Polyline {
        Polyline {
            points: Vec::with_capacity(points),
            starts: Vec::new(),
        }
    }

    pub fn clear(&mut self) {
        self.points.clear();
        self.starts.clear();
    }

    /// Starts a new sub-path at `p`.
    pub fn move_to(&mut self, p: (f64, f64)) {
        self.starts.push(self.points.len());
        self.points.push(p);
    }

    /// Continues the current sub-path (or starts one if there is none) to `p`.
    pub fn line_to(&mut self, p: (f64, f64)) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.points.push(p);
    }

    /// Every point, across sub-paths.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    pub fn subpaths(&self) -> impl Iterator<Item = &[(f64, f64)]> + '_ {
        let ends = self
            .starts
            .iter()
            .skip(1)
            .copied()
            .chain([self.points.len()]);
        self.starts
            .iter()
            .zip(ends)
            .map(|(&start, end)| &self.points[start..end])
    }
}

/// One run of consecutive points in the same pixel column: indices into the data.
struct Run {
    column: i64,
    first: usize,
    last: usize,
    min: usize,
    max: usize,
}

/// Maps `(xs[i], ys[i])` to pixels and keeps first/min/max/last of each column run.
/// `columns` are the pixel columns that matter (the frame's); points beyond them share
/// one column per side, so far-off data costs nothing to draw either.
pub fn decimate(
    xs: &[f64],
    ys: &[f64],
    x: LinearMap,
    y: LinearMap,
    columns: RangeInclusive<i64>,
    out: &mut Polyline,
) {
    out.clear();
    let (lo, hi) = (columns.start() - 1, columns.end() + 1);
    let mut run: Option<Run> = None;
    let mut pen_up = true;
    let mut emit = |run: &Run, pen_up: &mut bool| {
        let mut keep = [run.first, run.min, run.max, run.last];
        keep.sort_unstable();
        let mut previous = None;
        for i in keep {
            if previous == Some(i) {
                continue;
            }
            previous = Some(i);
            let p = (x.apply(xs[i]), y.apply(ys[i]));
            if *pen_up {
                out.move_to(p);
                *pen_up = false;
            } else {
                out.line_to(p);
            }
        }
    };
    for (i, (&xv, &yv)) in xs.iter().zip(ys).enumerate() {
        if !(xv.is_finite() && yv.is_finite()) {
            if let Some(r) = run.take() {
                emit(&r, &mut pen_up);
            }
            pen_up = true;
            continue;
        }
        let column = (x.apply(xv).floor() as i64).clamp(lo, hi);
        match &mut run {
            Some(r) if r.column == column => {
                r.last = i;
                if yv < ys[r.min] {
                    r.min = i;
                }
                if yv > ys[r.max] {
                    r.max = i;
                }
            }
            _ => {
                if let Some(r) = run.take() {
                    emit(&r, &mut pen_up);
                }
                run = Some(Run {
                    column,
                    first: i,
                    last: i,
                    min: i,
                    max: i,
                });
            }
        }
    }
    if let Some(r) = run {
        emit(&r, &mut pen_up);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::ranges::Interval;

    fn maps(n: usize, width: f64) -> (LinearMap, LinearMap) {
        let x = LinearMap::between(
            Interval {
                start: 0.0,
                end: (n - 1) as f64,
            },
            0.0,
            width,
        );
        let y = LinearMap::between(
            Interval {
                start: -1.0,
                end: 1.0,
            },
            100.0,
            0.0,
        );
        (x, y)
    }

    #[test]
    fn a_million_points_become_at_most_four_per_column() {
        let n = 1_000_000;
        let xs: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let ys: Vec<f64> = xs.iter().map(|x| (x * 0.001).sin()).collect();
        let (xm, ym) = maps(n, 400.0);
        let mut out = Polyline::default();
        decimate(&xs, &ys, xm, ym, 0..=400, &mut out);
        assert!(out.len() <= 4 * 402, "{} points", out.len());
        assert!(out.len() >= 401, "every column is kept");
        assert_eq!(out.subpaths().count(), 1);
    }

    #[test]
    fn extremes_within_a_column_survive_in_order() {
        // Eleven points in one column: a spike up at 3 and down at 7.
        let xs: Vec<f64> = (0..11).map(|i| i as f64 * 0.01).collect();
        let mut ys = vec![0.0; 11];
        ys[3] = 0.9;
        ys[7] = -0.8;
        ys[10] = 0.1;
        let x = LinearMap {
            offset: 5.0,
            factor: 1.0,
        };
        let y = LinearMap {
            offset: 0.0,
            factor: 1.0,
        };
        let mut out = Polyline::default();
        decimate(&xs, &ys, x, y, 0..=10, &mut out);
        let kept: Vec<f64> = out.subpaths().flatten().map(|p| p.1).collect();
        assert_eq!(kept, [0.0, 0.9, -0.8, 0.1]);
    }

    #[test]
    fn nan_breaks_the_line() {
        let xs = [0.0, 1.0, 2.0, 3.0, 4.0];
        let ys = [0.0, 0.5, f64::NAN, 0.5, 0.0];
        let (xm, ym) = maps(5, 400.0);
        let mut out = Polyline::default();
        decimate(&xs, &ys, xm, ym, 0..=400, &mut out);
        let lens: Vec<usize> = out.subpaths().map(<[_]>::len).collect();
        assert_eq!(lens, [2, 2]);
    }

    #[test]
    fn points_beyond_the_frame_collapse() {
        // A zoomed-in view: all but a few of 10,000 points are off to either side.
        let xs: Vec<f64> = (0..10_000).map(f64::from).collect();
        let ys: Vec<f64> = xs.iter().map(|x| (x * 0.37).sin()).collect();
        let x = LinearMap::between(
            Interval {
                start: 5000.0,
                end: 5010.0,
            },
            0.0,
            100.0,
        );
        let (_, ym) = maps(2, 100.0);
        let mut out = Polyline::default();
        decimate(&xs, &ys, x, ym, 0..=100, &mut out);
        assert!(out.len() <= 4 * 103, "{} points", out.len());
        // The points next to the frame are kept, so the line enters it correctly.
        let kept_x: Vec<f64> = out.subpaths().flatten().map(|p| p.0).collect();
        assert!(kept_x.contains(&x.apply(4999.0)) && kept_x.contains(&x.apply(5011.0)));
    }
}
