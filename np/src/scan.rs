//! One pass over a column for what drawing it needs: its finite bounds, whether it ascends,
//! a stretch's lowest and highest points. The renderer runs these over every point of
//! every redraw, so they live here, built for speed and in SIMD lanes like the kernels.

use crate::blocks::{on_read_block, BLOCK};
use crate::lanes::{whole_chunks, Lanes, Simd};

/// Independent accumulators per pass, so consecutive chunks do not wait on each other.
const UNROLL: usize = 4;

/// The smallest and largest finite value of `values`, skipping NaN and infinities (as
/// Bokeh's data ranges do); `None` when no value is finite.
pub fn finite_bounds(values: &[f64]) -> Option<(f64, f64)> {
    let inf = Simd::splat(f64::INFINITY);
    let step = Simd::LANES * UNROLL;
    let (body, rest) = values.split_at(values.len() - values.len() % step);
    // Each block's bounds in accumulators of its own, merged after: in blocks (see
    // `blocks.rs`), BLOCK a multiple of `step`. NaN never compares lower or higher, so
    // `min_with` and `max_with` pass over it; an infinity is taken as any value is, and a
    // block whose bounds came out infinite is read again without them (rare: most columns
    // hold none; four times the work per element on every block otherwise).
    let bounds = move |block: &[f64]| {
        let (lo, hi) = lane_bounds(block, |v| v, |v| v);
        let infinite = lo
            .iter()
            .chain(&hi)
            .any(|v| Simd::bitmask(v.abs().lt(inf)) != (1 << Simd::LANES) - 1);
        if !infinite {
            return (lo, hi);
        }
        let finite = move |v: Simd| v.abs().lt(inf);
        lane_bounds(
            block,
            move |v| Simd::select(finite(v), v, inf),
            move |v| Simd::select(finite(v), v, -inf),
        )
    };
    let mut lo = [inf; UNROLL];
    let mut hi = [-inf; UNROLL];
    for block in body.chunks(BLOCK) {
        let (l, h) = on_read_block(block, bounds);
        for k in 0..UNROLL {
            lo[k] = lo[k].min_with(l[k]);
            hi[k] = hi[k].max_with(h[k]);
        }
    }
    let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut lanes = [0.0; UNROLL * 8];
    for (k, (l, h)) in lo.iter().zip(&hi).enumerate() {
        l.store(&mut lanes[2 * k * Simd::LANES..]);
        h.store(&mut lanes[(2 * k + 1) * Simd::LANES..]);
    }
    for k in 0..UNROLL {
        let at = 2 * k * Simd::LANES;
        for i in 0..Simd::LANES {
            min = min.min(lanes[at + i]);
            max = max.max(lanes[at + Simd::LANES + i]);
        }
    }
    for &v in rest.iter().filter(|v| v.is_finite()) {
        min = min.min(v);
        max = max.max(v);
    }
    (min <= max).then_some((min, max))
}

/// Each accumulator's lowest `low(v)` and highest `high(v)` over the chunks `v` of
/// `block` (a multiple of `Simd::LANES * UNROLL` long).
#[inline(always)]
fn lane_bounds(
    block: &[f64],
    low: impl Fn(Simd) -> Simd,
    high: impl Fn(Simd) -> Simd,
) -> ([Simd; UNROLL], [Simd; UNROLL]) {
    let inf = Simd::splat(f64::INFINITY);
    let mut lo = [inf; UNROLL];
    let mut hi = [-inf; UNROLL];
    for steps in block.chunks_exact(Simd::LANES * UNROLL) {
        for (k, chunk) in steps.chunks_exact(Simd::LANES).enumerate() {
            let v = Simd::load(chunk);
            lo[k] = lo[k].min_with(low(v));
            hi[k] = hi[k].max_with(high(v));
        }
    }
    (lo, hi)
}

/// Whether `values` are all finite and never decrease (as a plotted series' x usually is).
/// No early exit: the pass runs at the speed of reading the column.
pub fn ascending(values: &[f64]) -> bool {
    let ends_finite = match (values.first(), values.last()) {
        (Some(a), Some(b)) => a.is_finite() && b.is_finite(),
        _ => true,
    };
    if !ends_finite {
        return false;
    }
    // `a <= b` is false next to a NaN, so a sorted series with finite ends is all finite.
    let (ahead, behind) = (&values[1.min(values.len())..], values);
    let n = ahead.len();
    let body = whole_chunks::<Simd>(n);
    let full = (1u32 << Simd::LANES) - 1;
    let mut all = full;
    // In blocks (see `blocks.rs`); BLOCK is a multiple of the lanes.
    for (ahead, behind) in ahead[..body]
        .chunks(BLOCK)
        .zip(behind[..body].chunks(BLOCK))
    {
        all &= on_read_block(ahead, move |ahead: &[f64]| {
            ahead
                .chunks_exact(Simd::LANES)
                .zip(behind.chunks_exact(Simd::LANES))
                .fold(full, |all, (a, b)| {
                    all & Simd::bitmask(Simd::load(b).le(Simd::load(a)))
                })
        });
    }
    all == full && (body..n).all(|i| behind[i] <= ahead[i])
}

/// Where a stretch of finite values is lowest and highest: the first index of its minimum
/// and of its maximum (as a scan keeping strictly lower and higher values finds them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extremes {
    /// The first index of the smallest value.
    pub min: usize,
    /// The first index of the largest value.
    pub max: usize,
}

/// Values per block of [`extremes`]: the pass remembers which block first holds the lowest
/// and the highest value, so finding their indices afterwards reads one block each.
const EXTREMES_BLOCK: usize = 64;

/// The [`Extremes`] of `values`, or `None` when it is empty or holds a NaN or an infinity
/// (a line breaks there: the caller walks such a stretch itself).
///
/// One pass in SIMD lanes keeps only values (no indices, which would double its work); it
/// notes the first block where the minimum and the maximum fell, and a scan of those two
/// blocks finds their first indices.
pub fn extremes(values: &[f64]) -> Option<Extremes> {
    if values.len() < EXTREMES_BLOCK {
        return scalar_extremes(values);
    }
    let blocks = values.chunks_exact(EXTREMES_BLOCK);
    let rest = blocks.remainder();
    let zero = Simd::splat(0.0);
    let mut no_nan = zero.eq(zero);
    let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
    let (mut min_block, mut max_block) = (0, 0);
    for (b, block) in blocks.enumerate() {
        let (lo, hi) = block_bounds(block, &mut no_nan);
        // Strictly lower or higher: the first block holding the value wins.
        if lo < min {
            (min, min_block) = (lo, b);
        }
        if hi > max {
            (max, max_block) = (hi, b);
        }
    }
    let full = (1u32 << Simd::LANES) - 1;
    // A NaN fails `v == v`; an infinity becomes the minimum or the maximum itself.
    if Simd::bitmask(no_nan) != full
        || !min.is_finite()
        || !max.is_finite()
        || rest.iter().any(|v| !v.is_finite())
    {
        return None;
    }
    let first = |block: usize, value: f64| {
        let at = block * EXTREMES_BLOCK;
        values[at..at + EXTREMES_BLOCK]
            .iter()
            .position(|&v| v == value)
            .map(|i| at + i)
    };
    let mut at = Extremes {
        min: first(min_block, min)?,
        max: first(max_block, max)?,
    };
    let start = values.len() - rest.len();
    for (i, &v) in rest.iter().enumerate() {
        if v < min {
            (min, at.min) = (v, start + i);
        }
        if v > max {
            (max, at.max) = (v, start + i);
        }
    }
    Some(at)
}

/// The lowest and highest value of one block (NaN ignored), and whether none was NaN
/// folded into `no_nan`.
#[inline(always)]
fn block_bounds(block: &[f64], no_nan: &mut <Simd as Lanes>::Mask) -> (f64, f64) {
    let inf = Simd::splat(f64::INFINITY);
    let mut lo = [inf; UNROLL];
    let mut hi = [-inf; UNROLL];
    for chunks in block.chunks_exact(Simd::LANES * UNROLL) {
        for (k, chunk) in chunks.chunks_exact(Simd::LANES).enumerate() {
            let v = Simd::load(chunk);
            *no_nan = Simd::and(*no_nan, v.eq(v));
            // NaN never compares lower or higher, so it leaves both untouched.
            lo[k] = lo[k].min_with(v);
            hi[k] = hi[k].max_with(v);
        }
    }
    let lo = lo.into_iter().reduce(Simd::min_with).unwrap_or(inf);
    let hi = hi.into_iter().reduce(Simd::max_with).unwrap_or(-inf);
    let mut lanes = [0.0; 2 * 8];
    lo.store(&mut lanes);
    hi.store(&mut lanes[8..]);
    let lo = lanes[..Simd::LANES]
        .iter()
        .fold(f64::INFINITY, |m, &v| m.min(v));
    let hi = lanes[8..8 + Simd::LANES]
        .iter()
        .fold(f64::NEG_INFINITY, |m, &v| m.max(v));
    (lo, hi)
}

/// [`extremes`] of a short stretch, one value at a time.
fn scalar_extremes(values: &[f64]) -> Option<Extremes> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let (mut at, mut min, mut max) = (Extremes { min: 0, max: 0 }, values[0], values[0]);
    for (i, &v) in values.iter().enumerate().skip(1) {
        if v < min {
            (min, at.min) = (v, i);
        }
        if v > max {
            (max, at.max) = (v, i);
        }
    }
    Some(at)
}
