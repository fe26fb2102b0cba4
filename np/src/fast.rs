//! The fast paths of `sin`, `cos`, `exp` and `ln` over [`Lanes`], each with the range it
//! holds in, on `core` alone: the page's own module runs them (`kernels.rs`, which hands
//! what is out of range to the standard library), and so does the relaxed-SIMD side
//! module (`side/kernel.rs`, see `relaxed.rs`), where [`Lanes::mul_add`] is fused.

// fdlibm's constants as it publishes them (more digits than an f64 holds, rounding to it).
#![allow(clippy::excessive_precision)]

use core::f64::consts::{FRAC_1_PI, LOG2_E as INV_LN2, SQRT_2 as SQRT2};

use crate::lanes::Lanes;

/// 1.5 × 2^52: adding it rounds a float of magnitude below 2^51 to an integer, which then
/// sits in the low bits of the sum's representation.
pub(crate) const ROUND: f64 = 6755399441055744.0;

/// Beyond this the three-part reduction by π/2 is no longer exact enough.
pub(crate) const TRIG_LIMIT: f64 = 524288.0; // 2^19

/// π in three parts of 33, 33 and 53 bits: twice fdlibm's pio2_1, pio2_2, pio2_2t (π/2 in
/// parts), so `m × part` is exact for the first two while |m| < 2^19 (m = n or n − ½).
const PI_1: f64 = 2.0 * 1.57079632673412561417e+00;
const PI_2: f64 = 2.0 * 6.07710050630396597660e-11;
const PI_2T: f64 = 2.0 * 2.02226624879595063154e-21;

/// sin r ≈ r + r³ (S₀ + r² S₁ + … + r¹⁴ S₇) for |r| ≤ π/2: the minimax fit of the relative
/// error (Remez, 60 digits), off by 5·10⁻¹⁸ (0.05 ulp) with the coefficients rounded to f64.
/// The kernel takes them negated (exactly), to fold a negation into its last steps.
const SIN: [f64; 8] = [
    -0.16666666666666666,
    0.008333333333333194,
    -0.00019841269841209218,
    2.7557319211137157e-06,
    -2.505210687279103e-08,
    1.6058939705313345e-10,
    -7.642991473664738e-13,
    2.721174793310404e-15,
];

/// How many constants [`sin_or_cos`] takes.
pub(crate) const TRIG_CONSTANTS: usize = 15;

/// The constants of [`sin_or_cos`], in its order: the reduction's, −S₀ … −S₇, the limit.
pub(crate) const TRIG: [f64; TRIG_CONSTANTS] = [
    FRAC_1_PI, ROUND, 0.5, PI_1, PI_2, PI_2T, -SIN[0], -SIN[1], -SIN[2], -SIN[3], -SIN[4], -SIN[5],
    -SIN[6], -SIN[7], TRIG_LIMIT,
];

/// Whether |x| ≤ TRIG_LIMIT, the last of the constants (see [`TRIG`]).
#[inline(always)]
pub(crate) fn in_trig_range<L: Lanes>(x: L, constants: &[L; TRIG_CONSTANTS]) -> L::Mask {
    x.abs().le(constants[14])
}

/// sin x, or cos x when `COS`, for |x| ≤ TRIG_LIMIT, given [`TRIG`] in lanes: x = m π + r
/// with |r| ≤ π/2, m = n an integer for the sine (x near n π) and m = n − ½ for the cosine
/// (x near (n − ½) π). Either is then (−1)ⁿ sin r: one polynomial and the same steps in
/// every lane, with no quadrant to choose between a sine's and a cosine's.
#[inline(always)]
pub(crate) fn sin_or_cos<L: Lanes, const COS: bool>(x: L, constants: &[L; TRIG_CONSTANTS]) -> L {
    let &[inv_pi, round, half, pi_1, pi_2, pi_2t, s0, s1, s2, s3, s4, s5, s6, s7, _] = constants;
    let scaled = x * inv_pi;
    // n sits in t's low bits (see ROUND).
    let t = if COS { scaled + half } else { scaled } + round;
    let n = t - round;
    let sign = t.bits_shl(63);
    let m = if COS { n - half } else { n };
    // r = x − m π to within about an ulp of r: the first two products are exact, and so
    // is the first difference (x is within a factor 2 of m × pi_1) but for a cosine of
    // |x| < π/4, where it rounds as the two others do, by half an ulp of r at most.
    let head = x - m * pi_1;
    let r = (head - m * pi_2) - m * pi_2t;
    let z = r * r;
    // −p = −S₀ + z q, q by Estrin's scheme (pairs, then pairs of pairs): a shorter chain of
    // dependent steps than Horner's, which pays as the CPU overlaps a loop's iterations
    // only as far as its window reaches. S₀ is added last, as by Horner: z q is at most
    // an eighth of p, so q's rounding is damped (all of p by Estrin's made cos 0 round
    // to 1 − 2⁻⁵³; this way as many arguments are 2 ulp off as with Horner's, ±10 %).
    let z2 = z * z;
    let z4 = z2 * z2;
    let low = z2.mul_add(z.mul_add(s4, s3), z.mul_add(s2, s1));
    let high = z2.mul_add(s7, z.mul_add(s6, s5));
    let minus_p = z.mul_add(z4.mul_add(high, low), s0);
    // r + r³ p as r − (r³ (−p) + 0): the + 0 keeps sin(−0) at −0.
    let sin = r - (z * r).mul_add(minus_p, L::splat(0.0));
    sin.bits_xor(sign)
}

// ----- exp -----

/// exp overflows above this and leaves the normal numbers below its negation.
const EXP_LIMIT: f64 = 708.0;
const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const P1: f64 = 1.66666666666666019037e-01;
const P2: f64 = -2.77777777770155933842e-03;
const P3: f64 = 6.61375632143793436117e-05;
const P4: f64 = -1.65339022054652515390e-06;
const P5: f64 = 4.13813679705723846039e-08;

/// Whether |x| ≤ EXP_LIMIT, where [`fast_exp`] holds.
#[inline(always)]
pub(crate) fn in_exp_range<L: Lanes>(x: L) -> L::Mask {
    x.abs().le(L::splat(EXP_LIMIT))
}

/// exp(x) for |x| ≤ EXP_LIMIT (fdlibm's __ieee754_exp): x = k ln2 + r, exp r by a rational
/// approximation, then 2^k put into the exponent bits.
#[inline(always)]
pub(crate) fn fast_exp<L: Lanes>(x: L) -> L {
    let c = L::splat;
    let t = x * c(INV_LN2) + c(ROUND);
    let k = t - c(ROUND);
    let hi = x - k * c(LN2_HI);
    let lo = k * c(LN2_LO);
    let r = hi - lo;
    let z = r * r;
    // P₁ + z (P₂ + z (P₃ + z (P₄ + z P₅))), by Horner's scheme.
    let q = z.mul_add(
        z.mul_add(z.mul_add(z.mul_add(c(P5), c(P4)), c(P3)), c(P2)),
        c(P1),
    );
    let p = r - z * q;
    let exp_r = c(1.0) - ((lo - (r * p) / (c(2.0) - p)) - hi);
    // k sits in the low bits of t (ROUND's own low 12 bits are zero); |k| ≤ 1022 here, so
    // 2^k is a normal number: its exponent field is k + 1023.
    let scale = t.bits_add(1023).bits_shl(52);
    exp_r * scale
}

// ----- ln -----

const LG1: f64 = 6.666666666666735130e-01;
const LG2: f64 = 3.999999999940941908e-01;
const LG3: f64 = 2.857142874366239149e-01;
const LG4: f64 = 2.222219843214978396e-01;
const LG5: f64 = 1.818357216161805012e-01;
const LG6: f64 = 1.531383769920937332e-01;
const LG7: f64 = 1.479819860511658591e-01;
const MANTISSA: u64 = 0x000f_ffff_ffff_ffff;
const ONE_BITS: u64 = 0x3ff0_0000_0000_0000;

/// Whether x is positive, normal and finite, where [`fast_ln`] holds.
#[inline(always)]
pub(crate) fn in_ln_range<L: Lanes>(x: L) -> L::Mask {
    let c = L::splat;
    L::and(c(f64::MIN_POSITIVE).le(x), x.lt(c(f64::INFINITY)))
}

/// ln(x) for a positive normal finite x (fdlibm's __ieee754_log): x = 2^k (1 + f) with
/// 1 + f in [√2/2, √2), then ln(1 + f) from s = f / (2 + f).
#[inline(always)]
pub(crate) fn fast_ln<L: Lanes>(x: L) -> L {
    let c = L::splat;
    let m = x.bits_and(MANTISSA).bits_or(ONE_BITS);
    // The exponent as a float without an integer conversion: put it in ROUND's low bits.
    let k = (x.bits_shr(52).bits_or(ROUND.to_bits()) - c(ROUND)) - c(1023.0);
    let big = m.gt(c(SQRT2));
    let m = L::select(big, m * c(0.5), m);
    let k = L::select(big, k + c(1.0), k);
    let f = m - c(1.0);
    let s = f / (c(2.0) + f);
    let z = s * s;
    let w = z * z;
    // The even and odd terms in w, by Horner's scheme.
    let t1 = w * w.mul_add(w.mul_add(c(LG6), c(LG4)), c(LG2));
    let t2 = z * w.mul_add(w.mul_add(w.mul_add(c(LG7), c(LG5)), c(LG3)), c(LG1));
    let r = t2 + t1;
    let hfsq = c(0.5) * f * f;
    k * c(LN2_HI) - ((hfsq - (s * (hfsq + r) + k * c(LN2_LO))) - f)
}
