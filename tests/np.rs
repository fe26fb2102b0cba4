//! rokeh::np against the standard library: the vectorised sin, cos, exp and log are within
//! 2 ulp of `f64::sin` & co. over the whole range of f64 (huge, tiny, subnormal, special
//! values, near multiples of π/2), and the array API does what numpy does. The same tests
//! run in the browser (`make test-wasm`), where the functions use wasm `simd128` lanes, and
//! for long arrays' sines, cosines and exponentials relaxed SIMD's fused multiply-adds.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

use rokeh::np::{self, Array};

/// Distance in units in the last place; NaN only matches NaN.
fn ulps(a: f64, b: f64) -> u64 {
    if a.is_nan() || b.is_nan() {
        return if a.is_nan() && b.is_nan() {
            0
        } else {
            u64::MAX
        };
    }
    let ordered = |x: f64| {
        let bits = x.to_bits() as i64;
        if bits < 0 {
            i64::MIN - bits
        } else {
            bits
        }
    };
    ordered(a).abs_diff(ordered(b))
}

/// A fixed-seed xorshift stream.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Any f64 bit pattern: every exponent equally likely.
    fn any_float(&mut self) -> f64 {
        f64::from_bits(self.next())
    }
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Inputs over the whole range, and densely where the fast paths are.
fn inputs(fast_range: f64) -> Vec<f64> {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let mut xs: Vec<f64> = (0..200_000).map(|_| rng.any_float()).collect();
    xs.extend((0..400_000).map(|_| rng.uniform(-fast_range, fast_range)));
    xs.extend((0..100_000).map(|_| rng.uniform(-10.0, 10.0)));
    // Near multiples of π/2, where the reduction cancels most.
    xs.extend((1..20_000).flat_map(|k| {
        let m = k as f64 * std::f64::consts::FRAC_PI_2;
        [m, m.next_up(), m.next_down(), -m]
    }));
    xs.extend([
        0.0,
        -0.0,
        f64::MIN_POSITIVE,
        f64::MIN_POSITIVE / 3.0,
        f64::EPSILON,
        1.0,
        -1.0,
        f64::MAX,
        f64::MIN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        708.0,
        709.7,
        -745.0,
        524288.0,
        524288.0_f64.next_up(),
    ]);
    xs
}

/// The largest ulp error of `vector` against `scalar` over `xs`, and where.
fn worst(xs: &[f64], vector: fn(Array) -> Array, scalar: fn(f64) -> f64) -> (u64, f64) {
    let got = vector(Array::from(xs));
    xs.iter()
        .zip(got.iter())
        .map(|(&x, &y)| (ulps(y, scalar(x)), x))
        .max_by_key(|(u, _)| *u)
        .unwrap()
}

#[test]
fn sin_and_cos_are_within_2_ulp_everywhere() {
    let xs = inputs(524288.0);
    for (name, vector, scalar) in [
        (
            "sin",
            np::sin as fn(Array) -> Array,
            f64::sin as fn(f64) -> f64,
        ),
        ("cos", np::cos, f64::cos),
    ] {
        let (error, at) = worst(&xs, vector, scalar);
        eprintln!("{name}: worst {error} ulp at {at:e}");
        assert!(error <= 2, "{name}({at:e}) is {error} ulp off");
    }
    let signed = np::sin(Array::from(vec![-0.0, 0.0, 1.0]));
    assert_eq!(signed[0].to_bits(), (-0.0f64).to_bits(), "sin(-0) is -0");
    assert_eq!(np::cos(Array::from(vec![-0.0, 0.0, 1.0]))[..2], [1.0, 1.0]);
}

/// In Chromium the sines, cosines and exponentials of these tests, long arrays, ran the
/// fused kernels of the relaxed-SIMD side module (np's `relaxed.rs`), which passed its own
/// check on load; natively the page's kernels run everywhere.
#[test]
fn long_arrays_take_the_relaxed_simd_kernel_in_the_browser() {
    assert_eq!(np::relaxed_simd(), cfg!(target_arch = "wasm32"));
}

#[test]
fn exp_and_log_are_within_2_ulp_everywhere() {
    let xs = inputs(708.0);
    let (error, at) = worst(&xs, np::exp, f64::exp);
    eprintln!("exp: worst {error} ulp at {at:e}");
    assert!(error <= 2, "exp({at:e}) is {error} ulp off");
    let positive: Vec<f64> = xs
        .iter()
        .map(|x| x.abs())
        .chain(xs.iter().copied())
        .collect();
    let (error, at) = worst(&positive, np::log, f64::ln);
    eprintln!("log: worst {error} ulp at {at:e}");
    assert!(error <= 2, "log({at:e}) is {error} ulp off");
}

/// sqrt and the arithmetic round once, as IEEE's do: bit for bit the scalar results, also
/// on the last elements that do not fill a SIMD chunk.
#[test]
fn sqrt_and_arithmetic_match_the_scalar_ones_bit_for_bit() {
    let xs = inputs(1e6);
    assert_eq!(xs.len() % 2, 1, "a partial chunk at the end");
    let (error, at) = worst(&xs, np::sqrt, f64::sqrt);
    assert_eq!(error, 0, "sqrt({at:e})");
    let x = Array::from(&xs[..]);
    let got = 1.5 * (-(2.5 - &x / 3.0) + &x) * &x;
    for (&x, &y) in xs.iter().zip(got.iter()) {
        let want = 1.5 * (-(2.5 - x / 3.0) + x) * x;
        assert_eq!(ulps(y, want), 0, "at {x:e}: {y:e}, not {want:e}");
    }
}

#[test]
fn arrays_read_like_numpy() {
    let x = np::linspace(0.0, 1.0, 5);
    assert_eq!(&x[..], &[0.0, 0.25, 0.5, 0.75, 1.0]);
    assert_eq!(&np::arange(0.0, 1.0, 0.25)[..], &[0.0, 0.25, 0.5, 0.75]);
    assert!(np::arange(0.0, 1.0, 0.0).is_empty());
    assert!(np::arange(1.0, 0.0, 0.5).is_empty());
    assert_eq!(
        &np::cumsum(Array::from(vec![1.0, 2.0, 3.0]))[..],
        &[1.0, 3.0, 6.0]
    );
    let y = 2.0 * &x + 1.0;
    assert_eq!(&y[..], &[1.0, 1.5, 2.0, 2.5, 3.0]);
    let z = y.clone() - &x;
    assert_eq!(z.max(), 2.0);
    assert_eq!(np::sqrt(Array::from(vec![4.0, 9.0]))[1], 3.0);
    assert_eq!((-(1.0 - &x))[0], -1.0);
    assert_eq!(np::zeros(3).sum(), 0.0);
    assert_eq!(np::linspace(1.0, 3.0, 3).mean(), 2.0);
    // Long arrays are computed in blocks of 4,096: every element across their seams too.
    let n = 3 * 4096 + 5;
    let x = np::linspace(-2.0, 7.0, n);
    let step = 9.0 / (n - 1) as f64;
    assert!((0..n - 1).all(|i| x[i] == -2.0 + step * i as f64));
    assert_eq!(x[n - 1], 7.0);
    let a = np::arange(0.5, n as f64 * 0.25 + 0.5, 0.25);
    assert_eq!(a.len(), n);
    assert!((0..n).all(|i| a[i] == 0.5 + 0.25 * i as f64));
    let y = 3.0 * (x.clone() + &a) - 1.0;
    assert!((0..n).all(|i| y[i] == 3.0 * (x[i] + a[i]) - 1.0));
}

/// A column borrowed where it lies (`np::asarray`) combines with numbers and arrays on
/// either side into a new array, element for element what the scalar operations give,
/// across the seams of the blocks it is computed in; and it is never written.
#[test]
fn borrowed_columns_combine_without_being_written() {
    let n = 3 * 4096 + 5;
    let column: Vec<f64> = (0..n).map(|i| (i as f64 * 0.37).sin() * 10.0).collect();
    let other: Vec<f64> = (0..n).map(|i| 1.0 + i as f64 / 7.0).collect();
    let (x, o) = (np::asarray(&column), np::asarray(&other));
    let owned = Array::from(&other[..]);
    // Each result beside what the scalar operation gives for a column's element and the
    // other's.
    type Checked = (Array, fn(f64, f64) -> f64);
    let results: [Checked; 12] = [
        (2.5 * x, |x, _| 2.5 * x),
        (x - 1.5, |x, _| x - 1.5),
        (3.0 / x, |x, _| 3.0 / x),
        (x * 4.0, |x, _| x * 4.0),
        (x + o, |x, o| x + o),
        (x - o, |x, o| x - o),
        (x * owned.clone(), |x, o| x * o),
        (x / owned.clone(), |x, o| x / o),
        (owned.clone() - x, |x, o| o - x),
        (owned.clone() / x, |x, o| o / x),
        (1.5 - &owned, |_, o| 1.5 - o),
        (&owned * 0.5, |_, o| o * 0.5),
    ];
    for (k, (got, want)) in results.iter().enumerate() {
        assert_eq!(got.len(), n);
        for i in 0..n {
            let want = want(column[i], other[i]);
            assert_eq!(got[i].to_bits(), want.to_bits(), "operation {k} at {i}");
        }
    }
    assert_eq!(x.to_array().len(), n);
    let y = 1.5 * np::sin(2.0 * x + 0.5) + 0.1;
    assert!((0..n).all(|i| (y[i] - (1.5 * (2.0 * column[i] + 0.5).sin() + 0.1)).abs() < 1e-12));
    assert!((0..n).all(|i| column[i] == (i as f64 * 0.37).sin() * 10.0));
}

/// `np::evaluate` runs a formula piece by piece: over every size around the pieces' seams
/// (empty, short, one piece and one element more, several and a partial one) it gives
/// each element the formula's value within the functions' 2 ulp (bit for bit natively,
/// where the array functions and the pieces' run the same code), leaves `x` alone, and a
/// piece's intermediate results never leak into the next.
#[test]
fn a_formula_evaluated_piece_by_piece_is_the_formula_on_the_whole() {
    let (a, k, w, b) = (1.5, 2.0, 0.5, 0.1);
    for n in [0, 1, 7, 4096, 4097, 3 * 4096 + 5] {
        let x: Vec<f64> = (0..n).map(|i| (i as f64 * 0.37).sin() * 1e3).collect();
        let y = np::evaluate(&x, |x| a * np::sin(k * x + w) + b);
        let whole = a * np::sin(k * np::asarray(&x) + w) + b;
        assert_eq!(y.len(), n);
        for i in 0..n {
            let ulp = ulps(y[i], whole[i]);
            let limit = if cfg!(target_arch = "wasm32") { 4 } else { 0 };
            assert!(
                ulp <= limit,
                "n = {n}, element {i}: {} and {}",
                y[i],
                whole[i]
            );
        }
        assert!((0..n).all(|i| x[i] == (i as f64 * 0.37).sin() * 1e3));
    }
    // Each piece starts from x, not from the last piece's result.
    let ones = vec![1.0; 3 * 4096];
    assert!(np::evaluate(&ones, |x| 2.0 * x).iter().all(|&v| v == 2.0));
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
#[should_panic(expected = "returned 1 elements for a piece of 5")]
fn a_formula_that_changes_the_length_is_refused() {
    let _ = np::evaluate(&[1.0; 5], |x| np::zeros(1) + x.sum());
}

// wasm-bindgen-test cannot catch a panic in a build that aborts on one.
#[cfg(not(target_arch = "wasm32"))]
#[test]
#[should_panic(expected = "arrays of different lengths")]
fn arrays_of_different_lengths_do_not_combine() {
    let _ = np::zeros(2) + &np::zeros(3);
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
#[should_panic(expected = "arrays of different lengths")]
fn borrowed_arrays_of_different_lengths_do_not_combine() {
    let (a, b) = (vec![1.0; 5000], vec![1.0; 4999]);
    let _ = np::asarray(&a) + np::asarray(&b);
}

/// numpy: np.std([1, 2, 3, 4], ddof=1) = 1.2909944487358056, np.quantile(x, 0.25) = 1.75.
#[test]
fn std_and_quantiles_as_numpy() {
    let x = np::Array::from(vec![4.0, 1.0, 3.0, 2.0]);
    assert!((x.std(1.0) - 1.290_994_448_735_805_6).abs() < 1e-15);
    assert!((x.std(0.0) - 1.118_033_988_749_895).abs() < 1e-15);
    assert_eq!(
        [0.0, 0.25, 0.5, 1.0].map(|q| x.quantile(q)),
        [1.0, 1.75, 2.5, 4.0]
    );
    assert!(np::Array::from(vec![]).quantile(0.5).is_nan());
}

/// numpy: np.histogram([1, 2, 2, 3, 4, 4, 4], bins=3) = ([1, 2, 4], [1, 2, 3, 4]).
#[test]
fn histograms_as_numpy() {
    let x = Array::from(vec![1.0, 2.0, 2.0, 3.0, 4.0, 4.0, 4.0]);
    let (counts, edges) = np::histogram(&x, 3);
    assert_eq!(&edges[..], &[1.0, 2.0, 3.0, 4.0]);
    assert_eq!(&counts[..], &[1.0, 2.0, 4.0]);
    let some = Array::from(vec![0.0, 2.5, 4.0, 9.0]);
    assert_eq!(&np::histogram_with(&some, &edges)[..], &[0.0, 1.0, 1.0]);
}

#[test]
fn fancy_indexing_as_numpy() {
    let x = Array::from(vec![10.0, 11.0, 12.0, 13.0]);
    assert_eq!(&x.take(&[3, 0, 3])[..], &[13.0, 10.0, 13.0]);
    assert_eq!(&x.mask(&[true, false, false, true])[..], &[10.0, 13.0]);
}

/// The renderer's scans (`np::scan`) against one-value-at-a-time loops, at every length up
/// to a few SIMD blocks and with NaN and infinities anywhere.
#[test]
fn scans_agree_with_plain_loops() {
    use np::scan::{ascending, extremes, finite_bounds, Extremes};
    let mut rng = Rng(7);
    for len in (0..70).chain([127, 128, 200, 1000, 1001, 4095, 4097, 8192, 9001]) {
        for trial in 0..20 {
            let mut ys: Vec<f64> = (0..len)
                .map(|_| (rng.uniform(-4.0, 4.0) * 4.0).round() / 4.0)
                .collect();
            if trial % 4 == 1 && len > 0 {
                let at = (rng.next() % len as u64) as usize;
                ys[at] = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY][trial % 3];
            }
            let finite: Vec<f64> = ys.iter().copied().filter(|v| v.is_finite()).collect();
            let want = (!finite.is_empty()).then(|| {
                let min = finite.iter().copied().fold(f64::INFINITY, f64::min);
                let max = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                (min, max)
            });
            assert_eq!(finite_bounds(&ys), want, "{ys:?}");

            let want = (!ys.is_empty() && finite.len() == ys.len()).then(|| {
                let mut at = Extremes { min: 0, max: 0 };
                for (i, &v) in ys.iter().enumerate() {
                    if v < ys[at.min] {
                        at.min = i;
                    }
                    if v > ys[at.max] {
                        at.max = i;
                    }
                }
                at
            });
            assert_eq!(extremes(&ys), want, "{ys:?}");

            let mut sorted = ys.clone();
            sorted.sort_by(f64::total_cmp);
            let plain =
                |v: &[f64]| v.iter().all(|x| x.is_finite()) && v.windows(2).all(|w| w[0] <= w[1]);
            assert_eq!(ascending(&sorted), plain(&sorted), "{sorted:?}");
            assert_eq!(ascending(&ys), plain(&ys), "{ys:?}");
            if len > 2 {
                // One step down anywhere, the last pair included.
                let at = 1 + (rng.next() % (len as u64 - 1)) as usize;
                sorted.swap(at - 1, at);
                assert_eq!(ascending(&sorted), plain(&sorted), "{sorted:?}");
            }
        }
    }
}
