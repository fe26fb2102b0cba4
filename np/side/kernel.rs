//! The relaxed-SIMD side module (see `src/relaxed.rs`): the fast paths of `src/fast.rs`,
//! built by `build.rs` with wasm's relaxed SIMD, so that their multiply-adds are fused. It
//! lives in the page's memory (imported), so it must own none: no data and no stack
//! (`build.rs` checks the first and links with a stack of size 0, where any use traps
//! instead of writing over the page's memory, and the page's check on load then leaves
//! the module unused).

#![no_std]

#[path = "../src/blocks.rs"]
#[allow(dead_code)]
mod blocks;
#[path = "../src/lanes.rs"]
#[allow(dead_code)]
mod lanes;
#[path = "../src/fast.rs"]
#[allow(dead_code)]
mod fast;

use blocks::{on_block, BLOCK};
use lanes::{Lanes, Simd};
use fast::{
    fast_exp, in_exp_range, in_trig_range, sin_or_cos, TRIG_CONSTANTS,
};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

type Mask = <Simd as Lanes>::Mask;

/// A fast path and the range it holds in.
trait Fast {
    fn in_range(&self, x: Simd) -> Mask;
    fn fast(&self, x: Simd) -> Simd;
}

/// Sine (or cosine when `COS`), with `fast::TRIG` in lanes.
struct Trig<const COS: bool>([Simd; TRIG_CONSTANTS]);

impl<const COS: bool> Trig<COS> {
    /// The constants read from the page's memory (`fast::TRIG` there), so that LLVM cannot
    /// see them as constants: a loop then keeps them in registers (see
    /// `Lanes::splat_each`).
    #[inline(always)]
    unsafe fn at(constants: *const f64) -> Self {
        Trig(core::array::from_fn(|i| Simd::splat(*constants.add(i))))
    }
}

impl<const COS: bool> Fast for Trig<COS> {
    #[inline(always)]
    fn in_range(&self, x: Simd) -> Mask {
        in_trig_range(x, &self.0)
    }
    #[inline(always)]
    fn fast(&self, x: Simd) -> Simd {
        sin_or_cos::<_, COS>(x, &self.0)
    }
}

struct Exp;

impl Fast for Exp {
    #[inline(always)]
    fn in_range(&self, x: Simd) -> Mask {
        in_exp_range(x)
    }
    #[inline(always)]
    fn fast(&self, x: Simd) -> Simd {
        fast_exp(x)
    }
}

/// Sines of `values[..len]` from the start, block by block up to the first block with an
/// element beyond the fast path's range, or up to the last whole pair: how many it did.
/// `constants` points at `fast::TRIG` in the page's memory.
///
/// # Safety
/// `values` and `constants` point at `len` and `TRIG_CONSTANTS` f64 of the memory.
#[no_mangle]
pub unsafe extern "C" fn sin(values: *mut f64, len: usize, constants: *const f64) -> usize {
    run(values, len, move || Trig::<false>::at(constants))
}

/// Cosines, as [`sin`] does sines.
///
/// # Safety
/// As for [`sin`].
#[no_mangle]
pub unsafe extern "C" fn cos(values: *mut f64, len: usize, constants: *const f64) -> usize {
    run(values, len, move || Trig::<true>::at(constants))
}

/// Exponentials, as [`sin`] does sines (`constants` unused).
///
/// # Safety
/// `values` points at `len` f64 of the memory.
#[no_mangle]
pub unsafe extern "C" fn exp(values: *mut f64, len: usize, _constants: *const f64) -> usize {
    run(values, len, || Exp)
}

/// The fast path `make` makes (at each block) over the whole pairs of `values[..len]`,
/// block by block while each block's elements are all in its range: how many it did.
unsafe fn run<K: Fast>(values: *mut f64, len: usize, make: impl Fn() -> K + Copy) -> usize {
    let values = core::slice::from_raw_parts_mut(values, len - len % Simd::LANES);
    let mut done = 0;
    for block in values.chunks_mut(BLOCK) {
        if !on_block(block, |block| compute(block, make())) {
            break;
        }
        done += block.len();
    }
    done
}

/// The block's values by `kernel` if all are in its range; else false.
#[inline(always)]
fn compute<K: Fast>(block: &mut [f64], kernel: K) -> bool {
    let mut chunks = block.chunks_exact(Simd::LANES);
    let Some(first) = chunks.next() else {
        return true;
    };
    let all = chunks.fold(kernel.in_range(Simd::load(first)), |all, c| {
        Simd::and(all, kernel.in_range(Simd::load(c)))
    });
    if Simd::bitmask(all) != (1 << Simd::LANES) - 1 {
        return false;
    }
    block
        .chunks_exact_mut(Simd::LANES)
        .for_each(|c| kernel.fast(Simd::load(c)).store(c));
    true
}
