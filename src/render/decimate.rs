//! Long series reduced per pixel column before drawing: of each run of consecutive points
//! that fall in one column, only the first, the lowest, the highest and the last are kept,
//! in their original order. The drawn picture is the same; the work of drawing is bounded
//! by the frame's width instead of the number of points.

use std::ops::RangeInclusive;

use super::scales::Scale;

/// Sub-paths in device pixels (f64): a NaN or infinite point breaks the line, as in Bokeh.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Polyline {
    points: Vec<(f64, f64)>,
    /// Where each sub-path starts in `points`.
    starts: Vec<usize>,
}

impl Polyline {
    /// An empty polyline with room for `points` points.
    pub fn with_capacity(points: usize) -> Polyline {
        Polyline {
            points: Vec::with_capacity(points),
            starts: Vec::new(),
        }
    }

    /// Removes every point, keeping the allocation.
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

    /// Whether there is no point.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// Each sub-path's points.
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

/// One run of consecutive points in the same pixel column: indices into the data, and
/// the extreme y values, so the hot loop compares registers rather than loading data.
#[derive(Clone, Copy)]
struct Run {
    column: i64,
    first: usize,
    last: usize,
    min: usize,
    max: usize,
    min_y: f64,
    max_y: f64,
}

impl Run {
    /// No run: a column no point maps to.
    const NONE: Run = Run::start(i64::MIN, 0, 0.0);

    const fn start(column: i64, i: usize, y: f64) -> Run {
        Run {
            column,
            first: i,
            last: i,
            min: i,
            max: i,
            min_y: y,
            max_y: y,
        }
    }

    /// Takes point `i` at height `y` into the run's extremes (it becomes the last point).
    #[inline]
    fn extend(&mut self, i: usize, y: f64) {
        self.last = i;
        if y < self.min_y {
            self.min_y = y;
            self.min = i;
        }
        if y > self.max_y {
            self.max_y = y;
            self.max = i;
        }
    }

    fn is_some(&self) -> bool {
        self.column != i64::MIN
    }

    /// first, min, max and last in data order, each once.
    fn kept(&self) -> impl Iterator<Item = usize> {
        let mut keep = [self.first, self.min, self.max, self.last];
        keep.sort_unstable();
        let mut previous = None;
        keep.into_iter().filter(move |&i| {
            let new = previous != Some(i);
            previous = Some(i);
            new
        })
    }
}

/// Whether `xs` are finite and never decrease, as a plotted series' x usually is: then
/// the points of each pixel column are one slice, found by binary search.
pub fn ascending(xs: &[f64]) -> bool {
    rokeh_np::scan::ascending(xs)
}

/// Maps `(xs[i], ys[i])` to pixels and keeps first/min/max/last of each column run.
/// `columns` are the pixel columns that matter (the frame's, and the margin its clip
/// keeps); points beyond them share one outer column per side, whose runs keep only
/// their first and last points: every segment between those lies beyond the columns, so
/// only the segments into and out of the columns can show. Far-off data costs nothing to
/// draw, nor, when x ascends, to read. `x_ascending` is
/// [`ascending`]`(xs)`, computed once by the caller (it costs a pass over x).
pub fn decimate(
    xs: &[f64],
    ys: &[f64],
    x_ascending: bool,
    x: &Scale,
    y: &Scale,
    columns: RangeInclusive<i64>,
    out: &mut Polyline,
) {
    out.clear();
    let n = xs.len().min(ys.len());
    let (xs, ys) = (&xs[..n], &ys[..n]);
    let (lo, hi) = (columns.start() - 1, columns.end() + 1);
    let mut d = Decimator {
        xs,
        ys,
        x,
        y,
        out,
        outer: [lo, hi],
        run: Run::NONE,
        pen_up: true,
    };
    if x_ascending && x.map.factor > 0.0 {
        // Column c holds the points at pixels c <= px < c + 1; the outer columns take
        // everything beyond the frame.
        let (mut begin, mut width) = (0, 0);
        for column in lo..=hi {
            let end = if column == hi {
                n
            } else {
                let next = (column + 1) as f64;
                first_not(xs, begin, begin + width, |v| x.apply(v) < next)
            };
            d.slice(begin..end, column);
            // The outer column's points say nothing of a frame column's.
            width = if column == lo { 0 } else { end - begin };
            begin = end;
        }
    } else {
        let (lo_px, span_px) = (lo as f64, (hi - lo) as f64);
        for (i, &xv) in xs.iter().enumerate() {
            if !xv.is_finite() {
                d.gap();
                continue;
            }
            // Clamped, then truncated from the low edge: the same as floor, without the
            // libm call that `floor` is on x86-64's baseline.
            let column = lo + (x.apply(xv) - lo_px).clamp(0.0, span_px) as i64;
            d.point(i, column);
        }
    }
    d.flush();
}

/// The first index from `from` on where `below` no longer holds, `below` holding for a
/// prefix of `xs[from..]`: looked for around `guess`, in steps doubling away from it, then
/// by a binary search within the last step. A pixel column usually holds about as many
/// points as the one before it, so with that guess this reads a cache line or two, where a
/// binary search over the whole column probed far-apart elements (a quarter of a
/// millisecond per repaint at 100k points, in the page).
fn first_not(xs: &[f64], from: usize, guess: usize, below: impl Fn(f64) -> bool) -> usize {
    let n = xs.len();
    let guess = guess.clamp(from, n);
    // The answer lies in lo..=hi: `below` holds before lo and fails at hi (or hi is n).
    let (lo, hi) = if guess > from && !below(xs[guess - 1]) {
        let (mut hi, mut step) = (guess - 1, 1);
        loop {
            if hi - from < step {
                break (from, hi);
            }
            let probe = hi - step;
            if below(xs[probe]) {
                break (probe + 1, hi);
            }
            hi = probe;
            step *= 2;
        }
    } else {
        let (mut lo, mut step) = (guess, 1);
        loop {
            if lo + step > n {
                break (lo, n);
            }
            let probe = lo + step - 1;
            if !below(xs[probe]) {
                break (lo, probe);
            }
            lo = probe + 1;
            step *= 2;
        }
    };
    lo + xs[lo..hi].partition_point(|&v| below(v))
}

/// The state of one decimation: the open run and whether the next point starts a
/// sub-path.
struct Decimator<'a> {
    xs: &'a [f64],
    ys: &'a [f64],
    x: &'a Scale,
    y: &'a Scale,
    out: &'a mut Polyline,
    /// The two outer columns, which take every point beyond the columns that matter.
    outer: [i64; 2],
    run: Run,
    pen_up: bool,
}

impl Decimator<'_> {
    /// Point `i`, whose x falls in pixel column `column`.
    #[inline]
    fn point(&mut self, i: usize, column: i64) {
        let yv = self.ys[i];
        if !yv.is_finite() && !self.outer.contains(&column) {
            self.gap();
            return;
        }
        let run = &mut self.run;
        if column == run.column {
            run.extend(i, yv);
        } else {
            self.flush();
            self.run = Run::start(column, i, yv);
        }
    }

    /// Points `range`, all in pixel column `column`. A stretch without NaN or infinities
    /// (the usual case) is one SIMD pass for its extremes; otherwise the tight loop walks
    /// it, with the extremes of each finite stretch in locals (registers), merged into the
    /// run.
    fn slice(&mut self, range: std::ops::Range<usize>, column: i64) {
        let ys = self.ys;
        if self.outer.contains(&column) {
            // Only the ends are kept (see `flush`): the points between are never read.
            if !range.is_empty() {
                let (first, last) = (range.start, range.end - 1);
                self.merge(Run {
                    last,
                    ..Run::start(column, first, ys[first])
                });
            }
            return;
        }
        if let Some(e) = rokeh_np::scan::extremes(&ys[range.clone()]) {
            let (min, max) = (range.start + e.min, range.start + e.max);
            self.merge(Run {
                column,
                first: range.start,
                last: range.end - 1,
                min,
                max,
                min_y: ys[min],
                max_y: ys[max],
            });
            return;
        }
        let mut k = range.start;
        while k < range.end {
            let first_y = ys[k];
            if !first_y.is_finite() {
                self.gap();
                k += 1;
                continue;
            }
            let mut stretch = Run::start(column, k, first_y);
            let mut j = k + 1;
            for &v in &ys[j..range.end] {
                if !v.is_finite() {
                    break;
                }
                stretch.extend(j, v);
                j += 1;
            }
            self.merge(stretch);
            k = j;
        }
    }

    /// Continues the open run with a later stretch of its column, or starts a new run.
    fn merge(&mut self, next: Run) {
        let run = &mut self.run;
        if run.column != next.column {
            self.flush();
            self.run = next;
            return;
        }
        run.last = next.last;
        if next.min_y < run.min_y {
            run.min_y = next.min_y;
            run.min = next.min;
        }
        if next.max_y > run.max_y {
            run.max_y = next.max_y;
            run.max = next.max;
        }
    }

    /// A point that is not drawn: the line breaks here.
    fn gap(&mut self) {
        self.flush();
        self.pen_up = true;
    }

    /// Emits the open run's kept points.
    fn flush(&mut self) {
        if !self.run.is_some() {
            return;
        }
        let run = std::mem::replace(&mut self.run, Run::NONE);
        if self.outer.contains(&run.column) {
            // Its first point ends the segment coming in, its last starts the one going
            // out; what lies between them is never seen, and may hold NaN.
            self.emit(run.first);
            if run.last != run.first {
                self.pen_up = true;
                self.emit(run.last);
            }
            return;
        }
        for i in run.kept() {
            self.emit(i);
        }
    }

    /// Continues the line to point `i`, or starts a sub-path there; a point with no
    /// finite height breaks the line instead.
    fn emit(&mut self, i: usize) {
        let yv = self.ys[i];
        if !yv.is_finite() {
            self.pen_up = true;
            return;
        }
        let p = (self.x.apply(self.xs[i]), self.y.apply(yv));
        if self.pen_up {
            self.out.move_to(p);
            self.pen_up = false;
        } else {
            self.out.line_to(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::ranges::Interval;
    use crate::render::scales::LinearMap;

    fn linear(map: LinearMap) -> Scale {
        Scale {
            log: false,
            map,
            range: Interval {
                start: 0.0,
                end: 1.0,
            },
        }
    }

    /// Decimates with the sorted-x path (when it applies) and the general one, which
    /// must agree.
    fn both(
        xs: &[f64],
        ys: &[f64],
        x: LinearMap,
        y: LinearMap,
        columns: RangeInclusive<i64>,
    ) -> Polyline {
        let (x, y) = (linear(x), linear(y));
        let mut general = Polyline::default();
        decimate(xs, ys, false, &x, &y, columns.clone(), &mut general);
        let mut sorted = Polyline::default();
        decimate(xs, ys, ascending(xs), &x, &y, columns, &mut sorted);
        assert_eq!(sorted, general, "the sorted path differs");
        general
    }

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
        let out = both(&xs, &ys, xm, ym, 0..=400);
        assert!(out.len() <= 4 * 402, "{} points", out.len());
        assert!(out.len() >= 401, "every column is kept");
        assert_eq!(out.subpaths().count(), 1);
    }

    #[cfg(not(target_arch = "wasm32"))]
    /// Strokes `line` as the line glyph does (Bokeh's sliders line: 3 px, alpha 0.6) on a
    /// white `width` × `height` bitmap, through the native surface; its RGB bytes.
    fn drawn(line: &Polyline, width: u32, height: u32) -> Vec<u8> {
        use crate::core::Rgba;
        use crate::render::backend::OnBackend;
        use crate::render::surface::{Path, Stroke, Surface};
        use plotters::prelude::{BitMapBackend, DrawingBackend};

        let mut pixels = vec![255; (width * height * 3) as usize];
        {
            let mut bitmap = BitMapBackend::with_buffer(&mut pixels, (width, height));
            let mut surface = OnBackend::new(&mut bitmap);
            let mut path = Path::new();
            for sub in line.subpaths() {
                path.move_to(sub[0].0, sub[0].1);
                for &(x, y) in &sub[1..] {
                    path.line_to(x, y);
                }
            }
            let blue = Rgba {
                r: 0x1f,
                g: 0x77,
                b: 0xb4,
                alpha: 0.6,
            };
            surface.stroke(&path, &Stroke::solid(blue, 3.0));
            assert!(surface.error.is_none());
            bitmap.present().expect("a bitmap in memory presents");
        }
        pixels
    }

    #[cfg(not(target_arch = "wasm32"))]
    /// A million points from `y(x)`, decimated and not, drawn on 400 × 300 pixels: how
    /// many pixels the whole line paints, and how many of them the decimated line draws
    /// visibly differently (a channel off by more than 24 of 255). `shuffled`: x is out
    /// of order within each run of 8 points (jittered timestamps), so the decimation cannot
    /// slice sorted x and maps every point instead.
    fn compare_at_a_million(mut y: impl FnMut(f64) -> f64, shuffled: bool) -> (usize, usize) {
        let (width, height) = (400, 300);
        let n = 1_000_000;
        let mut xs: Vec<f64> = (0..n).map(|i| i as f64).collect();
        if shuffled {
            let mut state = 0x9e37_79b9_7f4a_7c15_u64;
            for block in xs.chunks_mut(8) {
                for i in (1..block.len()).rev() {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    block.swap(i, (state % (i as u64 + 1)) as usize);
                }
            }
        }
        let ys: Vec<f64> = xs.iter().map(|&x| y(x)).collect();
        let scale = |start, end, from, to| Scale::new(false, Interval { start, end }, from, to);
        let x = scale(0.0, (n - 1) as f64, 10.0, 390.0);
        let y = scale(-1.0, 1.0, 290.0, 10.0);
        let mut decimated = Polyline::default();
        assert_eq!(ascending(&xs), !shuffled);
        decimate(&xs, &ys, !shuffled, &x, &y, 10..=390, &mut decimated);
        // Shuffled, a column's points come in several runs where x crosses its edges.
        let most = if shuffled { 4 * 8 * 384 } else { 4 * 384 };
        assert!(decimated.len() < most, "{} points kept", decimated.len());
        let mut all = Polyline::with_capacity(n);
        for (&xv, &yv) in xs.iter().zip(&ys) {
            all.line_to((x.apply(xv), y.apply(yv)));
        }
        let (a, b) = (drawn(&decimated, width, height), drawn(&all, width, height));
        let painted = b.chunks(3).filter(|p| p != &[255, 255, 255]).count();
        let differing = a
            .chunks(3)
            .zip(b.chunks(3))
            .filter(|(p, q)| p.iter().zip(*q).any(|(u, v)| u.abs_diff(*v) > 24))
            .count();
        eprintln!("{differing} of {painted} painted pixels differ visibly");
        (painted, differing)
    }

    #[cfg(not(target_arch = "wasm32"))]
    /// The module's promise at the size it exists for: a smooth million-point line (the
    /// sliders app's), decimated, draws the picture all of its points draw.
    #[test]
    #[ignore = "a minute in a debug build: make test runs it on its own"]
    fn a_smooth_million_point_line_decimated_draws_the_same_picture() {
        smooth_line_draws_the_same_picture(false);
    }

    #[cfg(not(target_arch = "wasm32"))]
    /// The same line with x out of order within every 8 points: decimated run by run
    /// (the general path), still the picture all of its points draw.
    #[test]
    #[ignore = "a minute in a debug build: make test runs it on its own"]
    fn a_million_point_line_with_shuffled_x_decimated_draws_the_same_picture() {
        smooth_line_draws_the_same_picture(true);
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn smooth_line_draws_the_same_picture(shuffled: bool) {
        let (painted, differing) = compare_at_a_million(|x| (x * 2e-5).sin(), shuffled);
        assert!(painted > 2_000, "the line is drawn: {painted} pixels");
        assert!(
            differing * 1000 <= painted,
            "{differing} of {painted} differ"
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    /// Noise: every pixel column holds thousands of points spanning a different height.
    /// The extremes survive, so the band's outline is the same; anti-aliasing differs
    /// where the whole line's zigzags cover a column's edge and the kept segment does not.
    #[test]
    #[ignore = "a minute in a debug build: make test runs it on its own"]
    fn a_noisy_million_point_line_decimated_draws_nearly_the_same_picture() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let (painted, differing) = compare_at_a_million(
            move |x| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let noise = (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
                0.6 * (x * 2e-5).sin() + 0.3 * noise
            },
            false,
        );
        assert!(painted > 20_000, "the band is drawn: {painted} pixels");
        assert!(
            differing * 100 <= painted * 15,
            "{differing} of {painted} differ"
        );
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
        let out = both(&xs, &ys, x, y, 0..=10);
        let kept: Vec<f64> = out.subpaths().flatten().map(|p| p.1).collect();
        assert_eq!(kept, [0.0, 0.9, -0.8, 0.1]);
    }

    /// The search from the last column's end finds what a binary search over the whole
    /// column finds, wherever the boundary lies (at `from`, just after, far after, at the
    /// end, beyond every point) and whatever the guess (before, at, after it, past the end).
    #[test]
    fn the_search_from_a_point_finds_the_partition_point() {
        let xs: Vec<f64> = (0..1000).map(|i| f64::from(i / 3)).collect();
        for from in [0, 1, 2, 299, 500, 998, 999, 1000] {
            for guess in [0, 1, 3, 300, 301, 502, 700, 999, 1000, 5000] {
                for bound in [-1.0, 0.0, 0.5, 100.0, 166.0, 200.0, 332.0, 333.0, 1e9] {
                    let below = |v: f64| v < bound;
                    let want = xs.partition_point(|&v| below(v)).max(from);
                    let got = first_not(&xs, from, guess, below);
                    assert_eq!(got, want, "from {from}, guess {guess}, {bound}");
                }
            }
        }
    }

    #[test]
    fn ascending_means_sorted_and_finite() {
        assert!(ascending(&[]) && ascending(&[1.0]) && ascending(&[1.0, 1.0, 2.0]));
        assert!(!ascending(&[1.0, 0.5, 2.0]));
        assert!(!ascending(&[0.0, f64::NAN, 2.0]));
        assert!(!ascending(&[0.0, 1.0, f64::INFINITY]));
    }

    #[test]
    fn unsorted_x_is_decimated_run_by_run() {
        // Back and forth across the same columns: every visit is its own run.
        let xs = [0.5, 1.5, 0.7, 1.2, 1.4];
        let ys = [0.0, 1.0, 2.0, 3.0, 4.0];
        let id = LinearMap {
            offset: 0.0,
            factor: 1.0,
        };
        let out = both(&xs, &ys, id, id, 0..=3);
        let kept: Vec<f64> = out.subpaths().flatten().map(|p| p.1).collect();
        assert_eq!(kept, [0.0, 1.0, 2.0, 3.0, 4.0]);
    }

    #[test]
    fn nan_breaks_the_line() {
        let xs = [0.0, 1.0, 2.0, 3.0, 4.0];
        let ys = [0.0, 0.5, f64::NAN, 0.5, 0.0];
        let (xm, ym) = maps(5, 400.0);
        let out = both(&xs, &ys, xm, ym, 0..=400);
        let lens: Vec<usize> = out.subpaths().map(<[_]>::len).collect();
        assert_eq!(lens, [2, 2]);
    }

    #[test]
    fn beyond_the_columns_only_the_segments_into_and_out_of_them_are_kept() {
        let (xm, ym) = maps(11, 100.0); // x 0..10 over pixels 0..100
        let at = |x: f64, y: f64| (xm.apply(x), ym.apply(y));
        // One point beyond each side: the segments to and from it stay.
        let out = both(&[-1.0, 5.0, 11.0], &[0.5, 0.0, -0.5], xm, ym, 0..=100);
        let line: Vec<_> = out.subpaths().map(<[_]>::to_vec).collect();
        assert_eq!(line, [vec![at(-1.0, 0.5), at(5.0, 0.0), at(11.0, -0.5)]]);
        // Many beyond the left, a NaN among them: the first and the last of them are
        // kept, and the line breaks between them (nothing there shows).
        let xs = [-9.0, -8.0, -7.0, -6.0, 5.0];
        let out = both(&xs, &[0.9, f64::NAN, -0.9, 0.1, 0.0], xm, ym, 0..=100);
        let line: Vec<_> = out.subpaths().map(<[_]>::to_vec).collect();
        assert_eq!(
            line,
            [vec![at(-9.0, 0.9)], vec![at(-6.0, 0.1), at(5.0, 0.0)]]
        );
        // The last point beyond has no height: nothing enters the frame from there.
        let out = both(
            &[-9.0, -8.0, 5.0, 6.0],
            &[0.9, f64::NAN, 0.0, 0.2],
            xm,
            ym,
            0..=100,
        );
        let line: Vec<_> = out.subpaths().map(<[_]>::to_vec).collect();
        assert_eq!(
            line,
            [vec![at(-9.0, 0.9)], vec![at(5.0, 0.0), at(6.0, 0.2)]]
        );
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
        let out = both(&xs, &ys, x, ym, 0..=100);
        assert!(out.len() <= 4 * 103, "{} points", out.len());
        // The points next to the frame are kept, so the line enters it correctly.
        let kept_x: Vec<f64> = out.subpaths().flatten().map(|p| p.0).collect();
        assert!(kept_x.contains(&x.apply(4999.0)) && kept_x.contains(&x.apply(5011.0)));
    }
}
