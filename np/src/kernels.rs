//! Element-wise `sin`, `cos`, `exp`, `ln` and the arithmetic, written once over
//! [`Lanes`](crate::lanes::Lanes): no branch and no call per element, the quadrant and
//! exponent tricks done with float adds, lane selects and bit masks. In the page they run on
//! wasm `simd128` (two f64 lanes per instruction, `lanes.rs`); natively on f64 in loops
//! LLVM vectorises (SSE2/AVX).
//!
//! The argument reductions and the `exp` and `ln` polynomials are fdlibm's (Sun's freely
//! redistributable math library, as in musl and Rust's `libm`); sine and cosine share one
//! polynomial of our own fit over ±π/2 (np/scripts/sin_minimax.py). Where the vector path
//! would lose accuracy (a sine of an argument beyond ±2^19, an `exp` that overflows, the
//! `ln` of a subnormal, zero, a negative number), and for NaN and infinities, those
//! elements are handed to the standard library's function instead. The result is within
//! 2 ulp of `f64::sin` (and of `cos`, `exp`, `ln`) everywhere: rokeh's `tests/np.rs`
//! checks it over the whole range natively, and in the browser with the `simd128` lanes
//! (`make test-wasm`). Sine and cosine are off by 2 ulp for about 1 in 2,000 arguments, by
//! at most 1 ulp elsewhere (none by 3 in 210 million arguments of every size below 2^19
//! and next to multiples of π/2).
//!
//! The fast paths are in `fast.rs`. Long arrays' sines, cosines and exponentials run them
//! with fused multiply-adds where the browser has wasm's relaxed SIMD, in a side module of
//! their own (`relaxed.rs`): about a fifth faster, and for sines 2 ulp off for fewer
//! arguments (1 in 3,400 of 40 million in Chromium, none by 3).

use std::mem::MaybeUninit;

use crate::blocks::{on_block, BLOCK};
use crate::fast::{fast_exp, fast_ln, in_exp_range, in_ln_range, in_trig_range, sin_or_cos, TRIG};
use crate::lanes::{whole_chunks, Lanes, Simd};
use crate::relaxed::{self, Kernel};

/// The most lanes any [`Lanes`] has: the size of the scratch for a partial chunk.
const MAX_LANES: usize = 8;

/// Applies `fast` to every element of each block whose elements all pass `in_range` (one
/// loop without a branch), else lane by lane `fast` where in range and `slow` elsewhere.
/// A block is checked and then computed while in the cache, in a call of its own (see
/// `blocks.rs`).
fn apply<L: Lanes>(
    values: &mut [f64],
    in_range: impl Fn(L) -> L::Mask + Copy,
    fast: impl Fn(L) -> L + Copy,
    slow: fn(f64) -> f64,
) {
    let full = (1u32 << L::LANES) - 1;
    let (body, tail) = values.split_at_mut(whole_chunks::<L>(values.len()));
    // BLOCK is a multiple of any L::LANES: every block is whole chunks.
    let compute = move |block: &mut [f64]| {
        // The lanes' masks and-ed together and one bitmask per block: V8 turns a bitmask
        // per chunk into several instructions (the check was 0.5 ms of a million sines'
        // 2.9 ms in a probe, 0.3 ms this way). `fold`, not `all`: no early exit.
        let mut chunks = block.chunks_exact(L::LANES);
        let Some(first) = chunks.next() else { return };
        let all = chunks.fold(in_range(L::load(first)), |all, c| {
            L::and(all, in_range(L::load(c)))
        });
        if L::bitmask(all) == full {
            block
                .chunks_exact_mut(L::LANES)
                .for_each(|c| fast(L::load(c)).store(c));
        } else {
            block
                .chunks_exact_mut(L::LANES)
                .for_each(|c| mixed(c, in_range, fast, slow));
        }
    };
    for block in body.chunks_mut(BLOCK) {
        on_block(block, compute);
    }
    padded::<L>(tail, |c| mixed(c, in_range, fast, slow));
}

/// One chunk of `L::LANES` elements, each by `fast` or, out of range, by `slow`.
#[inline(always)]
fn mixed<L: Lanes>(
    chunk: &mut [f64],
    in_range: impl Fn(L) -> L::Mask,
    fast: impl Fn(L) -> L,
    slow: fn(f64) -> f64,
) {
    let v = L::load(chunk);
    let inside = L::bitmask(in_range(v));
    let mut original = [0.0; MAX_LANES];
    original[..L::LANES].copy_from_slice(&chunk[..L::LANES]);
    fast(v).store(chunk);
    for (i, x) in chunk.iter_mut().enumerate().take(L::LANES) {
        if inside & (1 << i) == 0 {
            *x = slow(original[i]);
        }
    }
}

/// Runs `f` on the fewer than `L::LANES` elements of `tail` padded with zeros to a chunk.
#[inline(always)]
fn padded<L: Lanes>(tail: &mut [f64], f: impl FnOnce(&mut [f64])) {
    if tail.is_empty() {
        return;
    }
    let mut chunk = [0.0; MAX_LANES];
    chunk[..tail.len()].copy_from_slice(tail);
    f(&mut chunk[..L::LANES]);
    let n = tail.len();
    tail.copy_from_slice(&chunk[..n]);
}

/// `f` of every element, in place, in blocks (see `blocks.rs`).
#[inline(always)]
pub(crate) fn each(values: &mut [f64], f: impl Fn(Simd) -> Simd + Copy) {
    let (body, tail) = values.split_at_mut(whole_chunks::<Simd>(values.len()));
    let compute = move |block: &mut [f64]| {
        block
            .chunks_exact_mut(Simd::LANES)
            .for_each(|c| f(Simd::load(c)).store(c))
    };
    for block in body.chunks_mut(BLOCK) {
        on_block(block, compute);
    }
    padded::<Simd>(tail, |c| f(Simd::load(c)).store(c));
}

/// `f` of every element of `src`, into a new vector, in one pass, in blocks (see
/// `blocks.rs`) and in lanes, writing each element once (no zeroing first). LLVM leaves a
/// plain map over f64 unvectorised for wasm: `k * x` of a borrowed column took a lane
/// per step.
pub(crate) fn each_from(src: &[f64], f: impl Fn(Simd) -> Simd + Copy) -> Vec<f64> {
    let rest = padded_rest(src);
    new_from(
        src.len(),
        |to, at| {
            let from = &src[at..];
            on_block(to, move |to: &mut [MaybeUninit<f64>]| {
                to.chunks_exact_mut(Simd::LANES)
                    .zip(from.chunks_exact(Simd::LANES))
                    .for_each(|(t, c)| f(Simd::load(c)).store_uninit(t))
            })
        },
        || f(Simd::load(&rest)),
    )
}

/// `f` of every element of `src` and the one beside it in `other`, into a new vector, as
/// [`each_from`]. Panics when the lengths differ.
pub(crate) fn each_from_with(
    src: &[f64],
    other: &[f64],
    f: impl Fn(Simd, Simd) -> Simd + Copy,
) -> Vec<f64> {
    assert_eq!(src.len(), other.len(), "arrays of different lengths");
    let (rest, rest_beside) = (padded_rest(src), padded_rest(other));
    new_from(
        src.len(),
        |to, at| {
            let (from, beside) = (&src[at..], &other[at..]);
            on_block(to, move |to: &mut [MaybeUninit<f64>]| {
                to.chunks_exact_mut(Simd::LANES)
                    .zip(from.chunks_exact(Simd::LANES))
                    .zip(beside.chunks_exact(Simd::LANES))
                    .for_each(|((t, c), o)| f(Simd::load(c), Simd::load(o)).store_uninit(t))
            })
        },
        || f(Simd::load(&rest), Simd::load(&rest_beside)),
    )
}

/// The elements of `values` past its whole chunks, padded with zeros to a chunk.
fn padded_rest(values: &[f64]) -> [f64; MAX_LANES] {
    let mut rest = [0.0; MAX_LANES];
    let split = whole_chunks::<Simd>(values.len());
    rest[..values.len() - split].copy_from_slice(&values[split..]);
    rest
}

/// A vector of `len` elements: `body(block, at)` writes each block of whole chunks, which
/// starts at element `at`; the elements past the last whole chunk are the first lanes of
/// `last()`.
#[inline(always)]
fn new_from(
    len: usize,
    body: impl Fn(&mut [MaybeUninit<f64>], usize),
    last: impl FnOnce() -> Simd,
) -> Vec<f64> {
    let mut out = Vec::with_capacity(len);
    let split = whole_chunks::<Simd>(len);
    let (whole, tail) = out.spare_capacity_mut()[..len].split_at_mut(split);
    for (i, block) in whole.chunks_mut(BLOCK).enumerate() {
        body(block, i * BLOCK);
    }
    if !tail.is_empty() {
        let mut lanes = [0.0; MAX_LANES];
        last().store(&mut lanes);
        for (t, &v) in tail.iter_mut().zip(&lanes) {
            t.write(v);
        }
    }
    // SAFETY: every element before `split` was written (each block is whole chunks, each
    // chunk stored), and every one after it just above.
    unsafe { out.set_len(len) };
    out
}

/// `f` of every element of `values` and the one beside it in `other`, into `values`, in
/// blocks (see `blocks.rs`). Panics when the lengths differ.
#[inline(always)]
pub(crate) fn each_with(values: &mut [f64], other: &[f64], f: impl Fn(Simd, Simd) -> Simd + Copy) {
    assert_eq!(values.len(), other.len(), "arrays of different lengths");
    let split = whole_chunks::<Simd>(values.len());
    let (body, tail) = values.split_at_mut(split);
    for (block, other) in body.chunks_mut(BLOCK).zip(other.chunks(BLOCK)) {
        on_block(block, move |block: &mut [f64]| {
            block
                .chunks_exact_mut(Simd::LANES)
                .zip(other.chunks_exact(Simd::LANES))
                .for_each(|(c, o)| f(Simd::load(c), Simd::load(o)).store(c))
        });
    }
    let rest = padded_rest(other);
    padded::<Simd>(tail, |c| f(Simd::load(c), Simd::load(&rest)).store(c));
}

// ----- sine and cosine (their fast path in `fast.rs`) -----

/// `sin` of every element, in place.
pub fn sin(values: &mut [f64]) {
    trig_of::<false>(values, f64::sin)
}

/// `cos` of every element, in place.
pub fn cos(values: &mut [f64]) {
    trig_of::<true>(values, f64::cos)
}

/// `sin` (or `cos` when `COS`) of every element, in place.
fn trig_of<const COS: bool>(values: &mut [f64], slow: fn(f64) -> f64) {
    let kernel = if COS { Kernel::Cos } else { Kernel::Sin };
    let constants = Simd::splat_each(TRIG);
    fused_then_here(kernel, values, move |values| {
        apply(
            values,
            move |x| in_trig_range(x, &constants),
            move |x| sin_or_cos::<_, COS>(x, &constants),
            slow,
        )
    });
}

/// `kernel` of every element, in place: long arrays by the relaxed-SIMD side module where
/// the browser has it (`relaxed.rs`), the rest by `here`. The side module stops at a
/// block with an element beyond its range: that block is done here, and the side module
/// goes on after it.
#[inline(always)]
fn fused_then_here(kernel: Kernel, mut values: &mut [f64], here: impl Fn(&mut [f64])) {
    while let Some(done) = relaxed::run(kernel, values) {
        let rest = &mut std::mem::take(&mut values)[done..];
        let (block, rest) = rest.split_at_mut(BLOCK.min(rest.len()));
        here(block);
        values = rest;
    }
    here(values);
}

// ----- exp and ln (their fast paths in `fast.rs`) -----

/// `exp` of every element, in place.
pub fn exp(values: &mut [f64]) {
    fused_then_here(Kernel::Exp, values, |values| {
        apply::<Simd>(values, in_exp_range, fast_exp, f64::exp)
    });
}

/// `ln` (numpy's `log`) of every element, in place.
pub fn ln(values: &mut [f64]) {
    apply::<Simd>(values, in_ln_range, fast_ln, f64::ln);
}
