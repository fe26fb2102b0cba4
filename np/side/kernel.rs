//! The relaxed-SIMD side module (see `src/relaxed.rs`): the sine and cosine of
//! `src/trig.rs`, built by `build.rs` with wasm's relaxed SIMD, so that its multiply-adds
//! are fused. It lives in the page's memory (imported), so it must own none: no data and
//! no stack (`build.rs` checks the first and links with a stack of size 0, where any use
//! traps instead of writing over the page's memory).

#![no_std]

#[path = "../src/blocks.rs"]
#[allow(dead_code)]
mod blocks;
#[path = "../src/lanes.rs"]
#[allow(dead_code)]
mod lanes;
#[path = "../src/trig.rs"]
mod trig;

use blocks::{on_block, BLOCK};
use lanes::{Lanes, Simd};
use trig::{in_trig_range, sin_or_cos, TRIG_CONSTANTS};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// Sines of `values[..len]` from the start, block by block up to the first block with an
/// element beyond the kernel's range, or up to the last whole pair: how many it did.
/// `constants` points at `trig::TRIG` in the page's memory.
///
/// # Safety
/// `values` and `constants` point at `len` and `TRIG_CONSTANTS` f64 of the memory.
#[no_mangle]
pub unsafe extern "C" fn sin(values: *mut f64, len: usize, constants: *const f64) -> usize {
    run::<false>(values, len, constants)
}

/// Cosines, as [`sin`] does sines.
///
/// # Safety
/// As for [`sin`].
#[no_mangle]
pub unsafe extern "C" fn cos(values: *mut f64, len: usize, constants: *const f64) -> usize {
    run::<true>(values, len, constants)
}

unsafe fn run<const COS: bool>(values: *mut f64, len: usize, constants: *const f64) -> usize {
    let values = core::slice::from_raw_parts_mut(values, len - len % Simd::LANES);
    let mut done = 0;
    for block in values.chunks_mut(BLOCK) {
        if !on_block(block, |block| compute::<COS>(block, constants)) {
            break;
        }
        done += block.len();
    }
    done
}

/// The block's sines if all its elements are in the kernel's range; else false.
#[inline(always)]
unsafe fn compute<const COS: bool>(block: &mut [f64], constants: *const f64) -> bool {
    // Read from memory, so that LLVM cannot see them as constants: a loop then keeps them
    // in registers (see `Lanes::splat_each`).
    let k: [Simd; TRIG_CONSTANTS] = core::array::from_fn(|i| Simd::splat(*constants.add(i)));
    let all = block
        .chunks_exact(Simd::LANES)
        .fold(Simd::splat(0.0).le(k[14]), |all, c| {
            Simd::and(all, in_trig_range(Simd::load(c), &k))
        });
    if Simd::bitmask(all) != (1 << Simd::LANES) - 1 {
        return false;
    }
    block
        .chunks_exact_mut(Simd::LANES)
        .for_each(|c| sin_or_cos::<_, COS>(Simd::load(c), &k).store(c));
    true
}
