//! Element-wise `sin`, `cos`, `exp` and `ln` written so the compiler vectorises them: no
//! branch and no call per element, the quadrant and exponent tricks done with float adds
//! and bit masks, so a loop over a slice can become SIMD (SSE2/AVX natively). For wasm
//! LLVM does not vectorise them today, even at opt-level 3 with `simd128` (no `f64x2` in
//! the page's module): there they run as branch-free scalar loops.
//!
//! The polynomials and argument reductions are fdlibm's (Sun's freely redistributable
//! math library, as in musl and Rust's `libm`). Where the vector path would lose accuracy
//! (a sine of an argument beyond ±2^19, an `exp` that overflows, the `ln` of a subnormal,
//! zero, a negative number), and for NaN and infinities, those elements are handed to the
//! standard library's function instead. The result is within 2 ulp of `f64::sin` (and
//! of `cos`, `exp`, `ln`) everywhere: rokeh's `tests/np.rs` checks it over the whole range.

// fdlibm's constants as it publishes them (more digits than an f64 holds, rounding to it).
#![allow(clippy::excessive_precision)]

use std::f64::consts::{FRAC_2_PI as INV_PIO2, LOG2_E as INV_LN2, SQRT_2 as SQRT2};

/// 1.5 × 2^52: adding it rounds a float of magnitude below 2^51 to an integer, which then
/// sits in the low bits of the sum's representation.
const ROUND: f64 = 6755399441055744.0;

/// Applies `fast` to every element when all pass `in_range` (one loop the compiler
/// vectorises), else each element in range `fast` and the others `slow`.
fn apply(
    values: &mut [f64],
    in_range: impl Fn(f64) -> bool,
    fast: impl Fn(f64) -> f64,
    slow: fn(f64) -> f64,
) {
    // `fold`, not `all`: no early exit, so this check vectorises too.
    if values.iter().fold(true, |all, &x| all & in_range(x)) {
        values.iter_mut().for_each(|x| *x = fast(*x));
    } else {
        values
            .iter_mut()
            .for_each(|x| *x = if in_range(*x) { fast(*x) } else { slow(*x) });
    }
}

// ----- sine and cosine -----

/// Beyond this the three-part reduction by π/2 is no longer exact enough.
const TRIG_LIMIT: f64 = 524288.0; // 2^19

/// π/2 in three parts of 33, 33 and 53 bits (fdlibm's pio2_1, pio2_2, pio2_2t): `n × part`
/// is exact for the first two while |n| < 2^20.
const PIO2_1: f64 = 1.57079632673412561417e+00;
const PIO2_2: f64 = 6.07710050630396597660e-11;
const PIO2_2T: f64 = 2.02226624879595063154e-21;

const S1: f64 = -1.66666666666666324348e-01;
const S2: f64 = 8.33333333332248946124e-03;
const S3: f64 = -1.98412698298579493134e-04;
const S4: f64 = 2.75573137070700676789e-06;
const S5: f64 = -2.50507602534068634195e-08;
const S6: f64 = 1.58969099521155010221e-10;

const C1: f64 = 4.16666666666666019037e-02;
const C2: f64 = -1.38888888888741095749e-03;
const C3: f64 = 2.48015872894767294178e-05;
const C4: f64 = -2.75573143513906633035e-07;
const C5: f64 = 2.08757232129817482790e-09;
const C6: f64 = -1.13596475577881948265e-11;

/// sin(r + y) for |r| ≤ π/4 and a tail y below r's last bit (fdlibm's __kernel_sin).
#[inline(always)]
fn kernel_sin(r: f64, y: f64) -> f64 {
    let z = r * r;
    let v = z * r;
    let p = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    r - ((z * (0.5 * y - v * p) - y) - v * S1)
}

/// cos(r + y) for |r| ≤ π/4 and a tail y (fdlibm's __kernel_cos).
#[inline(always)]
fn kernel_cos(r: f64, y: f64) -> f64 {
    let z = r * r;
    let p = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + (z * p - r * y))
}

/// sin(x + `shift` × π/2) for |x| ≤ TRIG_LIMIT: x is reduced to r in ±π/4 and the quadrant
/// picks ±sin(r) or ±cos(r). The quadrant is kept as a float, so choosing needs only float
/// compares (SSE2 has no 64-bit integer compare to vectorise with).
#[inline(always)]
fn sin_shifted(x: f64, shift: f64) -> f64 {
    let n = (x * INV_PIO2 + ROUND) - ROUND;
    // (n + shift) mod 4 as -2..=2: 0 sin, ±1 cos (-1 negated), ±2 -sin.
    let m = n + shift;
    let q = m - 4.0 * ((m * 0.25 + ROUND) - ROUND);
    // r + y is x - n π/2 to about 100 bits: the first two products are exact, and y keeps
    // what rounding the subtraction lost.
    let head = x - n * PIO2_1;
    let w = n * PIO2_2;
    let r = head - w;
    let y = ((head - r) - w) - n * PIO2_2T;
    let (s, c) = (kernel_sin(r, y), kernel_cos(r, y));
    let v = if q.abs() == 1.0 { c } else { s };
    if q.abs() == 2.0 || q == -1.0 {
        -v
    } else {
        v
    }
}

fn trig_in_range(x: f64) -> bool {
    x.abs() <= TRIG_LIMIT
}

/// `sin` of every element, in place.
pub fn sin(values: &mut [f64]) {
    apply(values, trig_in_range, |x| sin_shifted(x, 0.0), f64::sin);
}

/// `cos` of every element, in place: cos x = sin(x + π/2).
pub fn cos(values: &mut [f64]) {
    apply(values, trig_in_range, |x| sin_shifted(x, 1.0), f64::cos);
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

/// exp(x) for |x| ≤ EXP_LIMIT (fdlibm's __ieee754_exp): x = k ln2 + r, exp r by a rational
/// approximation, then 2^k put into the exponent bits.
#[inline(always)]
fn fast_exp(x: f64) -> f64 {
    let t = x * INV_LN2 + ROUND;
    let k = t - ROUND;
    let hi = x - k * LN2_HI;
    let lo = k * LN2_LO;
    let r = hi - lo;
    let z = r * r;
    let c = r - z * (P1 + z * (P2 + z * (P3 + z * (P4 + z * P5))));
    let exp_r = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    // k sits in the low bits of t; |k| ≤ 1022 here, so 2^k is a normal number.
    let k_bits = t.to_bits().wrapping_sub(ROUND.to_bits());
    let scale = f64::from_bits((k_bits.wrapping_add(1023)) << 52);
    exp_r * scale
}

/// `exp` of every element, in place.
pub fn exp(values: &mut [f64]) {
    apply(values, |x| x.abs() <= EXP_LIMIT, fast_exp, f64::exp);
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

/// ln(x) for a positive normal finite x (fdlibm's __ieee754_log): x = 2^k (1 + f) with
/// 1 + f in [√2/2, √2), then ln(1 + f) from s = f / (2 + f).
#[inline(always)]
fn fast_ln(x: f64) -> f64 {
    let bits = x.to_bits();
    let mut m = f64::from_bits((bits & MANTISSA) | ONE_BITS);
    // The exponent as a float without an integer conversion: put it in ROUND's low bits.
    let mut k = (f64::from_bits(ROUND.to_bits() | (bits >> 52)) - ROUND) - 1023.0;
    let big = m > SQRT2;
    m = if big { m * 0.5 } else { m };
    k = if big { k + 1.0 } else { k };
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG2 + w * (LG4 + w * LG6));
    let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    let r = t2 + t1;
    let hfsq = 0.5 * f * f;
    k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f)
}

/// `ln` (numpy's `log`) of every element, in place.
pub fn ln(values: &mut [f64]) {
    apply(
        values,
        |x| (f64::MIN_POSITIVE..f64::INFINITY).contains(&x),
        fast_ln,
        f64::ln,
    );
}
