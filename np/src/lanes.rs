//! What the kernels compute with: a [`Lanes`] value is one f64 or several side by side.
//! The kernels are written once over this trait. The page (wasm32 with `simd128`) runs them
//! on [`F64x2`], two lanes in a `v128`, because LLVM does not vectorise these loops for
//! wasm on its own; natively they run on plain `f64` in loops that LLVM vectorises for
//! the target (SSE2 by default, AVX with `-C target-cpu=native`).

use core::mem::MaybeUninit;
use core::ops::{Add, Div, Mul, Neg, Sub};

/// Lane-wise f64 math with the bit tricks the kernels need. A mask is a lane-wise boolean;
/// the `bits_*` methods treat each lane's bits as a u64.
pub(crate) trait Lanes:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// Lanes per value.
    const LANES: usize;
    /// A boolean per lane.
    type Mask: Copy;

    /// `x` in every lane.
    fn splat(x: f64) -> Self;
    /// Each of `values` in every lane, for a loop to keep in registers: a kernel takes its
    /// constants from here, outside its loop.
    fn splat_each<const N: usize>(values: [f64; N]) -> [Self; N];
    /// The first `LANES` elements of `from`.
    fn load(from: &[f64]) -> Self;
    /// Writes the lanes to the first `LANES` elements of `to`.
    fn store(self, to: &mut [f64]);
    /// Writes the lanes to the first `LANES` elements of `to`, which need not hold values
    /// yet.
    fn store_uninit(self, to: &mut [MaybeUninit<f64>]);

    /// `self × b + c`: fused (one rounding) where the build has wasm's relaxed SIMD (the
    /// side module of `relaxed.rs`), else rounded twice, as `self * b + c` is.
    fn mul_add(self, b: Self, c: Self) -> Self;
    fn abs(self) -> Self;
    fn sqrt(self) -> Self;
    /// `other` where it is below `self`, else `self` (NaN in `other` is never taken).
    fn min_with(self, other: Self) -> Self;
    /// `other` where it is above `self`, else `self` (NaN in `other` is never taken).
    fn max_with(self, other: Self) -> Self;
    fn lt(self, other: Self) -> Self::Mask;
    fn le(self, other: Self) -> Self::Mask;
    fn gt(self, other: Self) -> Self::Mask;
    fn eq(self, other: Self) -> Self::Mask;
    /// `yes` where `mask` holds, else `no`.
    fn select(mask: Self::Mask, yes: Self, no: Self) -> Self;
    fn and(a: Self::Mask, b: Self::Mask) -> Self::Mask;
    /// Bit `i` set when lane `i` of `mask` holds.
    fn bitmask(mask: Self::Mask) -> u32;

    fn bits_and(self, bits: u64) -> Self;
    fn bits_or(self, bits: u64) -> Self;
    fn bits_add(self, bits: u64) -> Self;
    fn bits_shl(self, by: u32) -> Self;
    fn bits_shr(self, by: u32) -> Self;
    /// The bits of `self` exclusive-or those of `other`.
    fn bits_xor(self, other: Self) -> Self;
}

/// The most of `len` elements that fill whole values of `L` (natively all of them).
#[inline(always)]
pub(crate) fn whole_chunks<L: Lanes>(len: usize) -> usize {
    let lanes = L::LANES; // a value: `len % 1` natively is no mistake
    len - len % lanes
}

// Natively only: where the page's kernels run on F64x2 the side module, built without
// `std`, has no `f64::sqrt`.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
impl Lanes for f64 {
    const LANES: usize = 1;
    type Mask = bool;

    #[inline(always)]
    fn splat(x: f64) -> f64 {
        x
    }
    #[inline(always)]
    fn splat_each<const N: usize>(values: [f64; N]) -> [f64; N] {
        values
    }
    #[inline(always)]
    fn load(from: &[f64]) -> f64 {
        from[0]
    }
    #[inline(always)]
    fn store(self, to: &mut [f64]) {
        to[0] = self;
    }
    #[inline(always)]
    fn store_uninit(self, to: &mut [MaybeUninit<f64>]) {
        to[0].write(self);
    }
    #[inline(always)]
    fn mul_add(self, b: f64, c: f64) -> f64 {
        self * b + c
    }
    #[inline(always)]
    fn abs(self) -> f64 {
        f64::abs(self)
    }
    #[inline(always)]
    fn sqrt(self) -> f64 {
        f64::sqrt(self)
    }
    #[inline(always)]
    fn min_with(self, other: f64) -> f64 {
        if other < self {
            other
        } else {
            self
        }
    }
    #[inline(always)]
    fn max_with(self, other: f64) -> f64 {
        if other > self {
            other
        } else {
            self
        }
    }
    #[inline(always)]
    fn lt(self, other: f64) -> bool {
        self < other
    }
    #[inline(always)]
    fn le(self, other: f64) -> bool {
        self <= other
    }
    #[inline(always)]
    fn gt(self, other: f64) -> bool {
        self > other
    }
    #[inline(always)]
    fn eq(self, other: f64) -> bool {
        self == other
    }
    #[inline(always)]
    fn select(mask: bool, yes: f64, no: f64) -> f64 {
        // Bits, not a branch: a kernel's choice per element (a quadrant, say) is as good
        // as random, and a mispredicted branch costs more than the arithmetic.
        let all = u64::from(mask).wrapping_neg();
        f64::from_bits((yes.to_bits() & all) | (no.to_bits() & !all))
    }
    #[inline(always)]
    fn and(a: bool, b: bool) -> bool {
        a & b
    }
    #[inline(always)]
    fn bitmask(mask: bool) -> u32 {
        mask as u32
    }
    #[inline(always)]
    fn bits_and(self, bits: u64) -> f64 {
        f64::from_bits(self.to_bits() & bits)
    }
    #[inline(always)]
    fn bits_or(self, bits: u64) -> f64 {
        f64::from_bits(self.to_bits() | bits)
    }
    #[inline(always)]
    fn bits_add(self, bits: u64) -> f64 {
        f64::from_bits(self.to_bits().wrapping_add(bits))
    }
    #[inline(always)]
    fn bits_shl(self, by: u32) -> f64 {
        f64::from_bits(self.to_bits() << by)
    }
    #[inline(always)]
    fn bits_shr(self, by: u32) -> f64 {
        f64::from_bits(self.to_bits() >> by)
    }
    #[inline(always)]
    fn bits_xor(self, other: f64) -> f64 {
        f64::from_bits(self.to_bits() ^ other.to_bits())
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub(crate) use simd128::F64x2;

/// The lanes the element-wise functions use on this target.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub(crate) type Simd = F64x2;
/// The lanes the element-wise functions use on this target.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
pub(crate) type Simd = f64;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd128 {
    use super::Lanes;
    use core::arch::wasm32::*;
    use core::mem::MaybeUninit;
    use core::ops::{Add, Div, Mul, Neg, Sub};

    /// Two f64 lanes in a WebAssembly `v128`.
    #[derive(Clone, Copy)]
    pub(crate) struct F64x2(v128);

    macro_rules! binary {
        ($($trait:ident $method:ident $intrinsic:ident),*) => {$(
            impl $trait for F64x2 {
                type Output = F64x2;
                #[inline(always)]
                fn $method(self, rhs: F64x2) -> F64x2 {
                    F64x2($intrinsic(self.0, rhs.0))
                }
            }
        )*};
    }
    binary!(Add add f64x2_add, Sub sub f64x2_sub, Mul mul f64x2_mul, Div div f64x2_div);

    impl Neg for F64x2 {
        type Output = F64x2;
        #[inline(always)]
        fn neg(self) -> F64x2 {
            F64x2(f64x2_neg(self.0))
        }
    }

    impl Lanes for F64x2 {
        const LANES: usize = 2;
        type Mask = v128;

        #[inline(always)]
        fn splat(x: f64) -> F64x2 {
            F64x2(f64x2_splat(x))
        }
        #[inline(always)]
        fn splat_each<const N: usize>(values: [f64; N]) -> [F64x2; N] {
            // LLVM writes a constant as a `v128.const` at each use, inside the loop, where V8
            // materialises it (or reloads it from a spill) on every iteration; a sine has
            // fifteen. Values LLVM cannot see through are loaded once, before the loop: a
            // million sines took 10-15% less time in Chromium.
            core::hint::black_box(values).map(Self::splat)
        }
        #[inline(always)]
        fn load(from: &[f64]) -> F64x2 {
            assert!(from.len() >= 2);
            // SAFETY: 16 bytes are readable (checked above); v128_load takes any alignment.
            F64x2(unsafe { v128_load(from.as_ptr().cast()) })
        }
        #[inline(always)]
        fn store(self, to: &mut [f64]) {
            assert!(to.len() >= 2);
            // SAFETY: 16 bytes are writable (checked above); v128_store takes any alignment.
            unsafe { v128_store(to.as_mut_ptr().cast(), self.0) }
        }
        #[inline(always)]
        fn store_uninit(self, to: &mut [MaybeUninit<f64>]) {
            assert!(to.len() >= 2);
            // SAFETY: 16 bytes are writable (checked above; MaybeUninit<f64> is laid out as
            // f64); v128_store takes any alignment.
            unsafe { v128_store(to.as_mut_ptr().cast(), self.0) }
        }
        #[inline(always)]
        fn mul_add(self, b: F64x2, c: F64x2) -> F64x2 {
            #[cfg(target_feature = "relaxed-simd")]
            return F64x2(f64x2_relaxed_madd(self.0, b.0, c.0));
            #[cfg(not(target_feature = "relaxed-simd"))]
            return self * b + c;
        }
        #[inline(always)]
        fn abs(self) -> F64x2 {
            F64x2(f64x2_abs(self.0))
        }
        #[inline(always)]
        fn sqrt(self) -> F64x2 {
            F64x2(f64x2_sqrt(self.0))
        }
        #[inline(always)]
        fn min_with(self, other: F64x2) -> F64x2 {
            // pmin(a, b) is `b < a ? b : a`.
            F64x2(f64x2_pmin(self.0, other.0))
        }
        #[inline(always)]
        fn max_with(self, other: F64x2) -> F64x2 {
            // pmax(a, b) is `a < b ? b : a`.
            F64x2(f64x2_pmax(self.0, other.0))
        }
        #[inline(always)]
        fn lt(self, other: F64x2) -> v128 {
            f64x2_lt(self.0, other.0)
        }
        #[inline(always)]
        fn le(self, other: F64x2) -> v128 {
            f64x2_le(self.0, other.0)
        }
        #[inline(always)]
        fn gt(self, other: F64x2) -> v128 {
            f64x2_gt(self.0, other.0)
        }
        #[inline(always)]
        fn eq(self, other: F64x2) -> v128 {
            f64x2_eq(self.0, other.0)
        }
        #[inline(always)]
        fn select(mask: v128, yes: F64x2, no: F64x2) -> F64x2 {
            F64x2(v128_bitselect(yes.0, no.0, mask))
        }
        #[inline(always)]
        fn and(a: v128, b: v128) -> v128 {
            v128_and(a, b)
        }
        #[inline(always)]
        fn bitmask(mask: v128) -> u32 {
            u32::from(i64x2_bitmask(mask))
        }
        #[inline(always)]
        fn bits_and(self, bits: u64) -> F64x2 {
            F64x2(v128_and(self.0, u64x2_splat(bits)))
        }
        #[inline(always)]
        fn bits_or(self, bits: u64) -> F64x2 {
            F64x2(v128_or(self.0, u64x2_splat(bits)))
        }
        #[inline(always)]
        fn bits_add(self, bits: u64) -> F64x2 {
            F64x2(i64x2_add(self.0, u64x2_splat(bits)))
        }
        #[inline(always)]
        fn bits_shl(self, by: u32) -> F64x2 {
            F64x2(i64x2_shl(self.0, by))
        }
        #[inline(always)]
        fn bits_shr(self, by: u32) -> F64x2 {
            F64x2(u64x2_shr(self.0, by))
        }
        #[inline(always)]
        fn bits_xor(self, other: F64x2) -> F64x2 {
            F64x2(v128_xor(self.0, other.0))
        }
    }
}
