//! Column math the way Bokeh users write it with numpy: `linspace`, `arange`, element-wise
//! `sin`, `cos`, `exp`, `log`, `sqrt`, arithmetic with numbers and with other arrays,
//! `cumsum`, … on an [`Array`] of f64. rokeh re-exports it as `rokeh::np`, where an
//! `Array` becomes a column without a copy.
//!
//! It is a crate of its own so that a build for size (the page's release profile) can
//! still build these loops for speed: `[profile.release.package.rokeh-np] opt-level = 3`.
//!
//! ```
//! use rokeh_np as np;
//! let x = np::linspace(0.0, 4.0 * std::f64::consts::PI, 200);
//! let (a, k, w, b) = (1.5, 2.0, 0.5, 0.1);
//! let y = a * np::sin(k * &x + w) + b; // numpy: a * np.sin(k * x + w) + b
//! assert_eq!(y.len(), 200);
//! assert!((y[10] - (a * (k * x[10] + w).sin() + b)).abs() < 1e-15);
//! ```
//!
//! Arithmetic consumes its operand arrays where it can and works in place; on borrowed
//! arrays (`&x`, or a document's column as [`asarray`] reads it) it makes a new array in
//! one pass. So the line above allocates one array (`k * &x`) and computes the rest in it,
//! like numpy with `out=`. Over a long array, [`evaluate`] runs a whole formula a
//! cache-sized piece at a time, as numexpr does: one pass over memory instead of one per
//! operation.
//! The element-wise functions vectorise (see `kernels.rs` for how and for their accuracy:
//! within 2 ulp of the standard library's); in a browser with wasm's relaxed SIMD, long
//! arrays' sines and cosines also fuse their multiply-adds ([`relaxed_simd`] says whether).

#![deny(missing_docs)]

mod blocks;
mod evaluate;
mod fast;
mod kernels;
mod lanes;
pub mod random;
mod relaxed;
pub mod scan;

pub use evaluate::evaluate;
pub use relaxed::relaxed_simd;

use std::ops::{Add, Deref, DerefMut, Div, Mul, Neg, Sub};

use blocks::{on_block, BLOCK};
use lanes::{Lanes, Simd};

/// A one-dimensional array of f64, as numpy's `ndarray` of `float64`. It reads as a slice
/// (`a[0]`, `a.len()`, `a.iter()`) and takes arithmetic with numbers and other arrays:
///
/// ```
/// use rokeh_np as np;
///
/// let x = np::arange(0.0, 5.0, 1.0); // [0, 1, 2, 3, 4]
/// let y = np::cumsum(2.0 * &x); // [0, 2, 6, 12, 20]
/// assert_eq!((y.max(), y.mean()), (20.0, 8.0));
/// assert_eq!(&np::sqrt(np::zeros(2) + 4.0)[..], &[2.0, 2.0]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Array(Vec<f64>);

impl Array {
    /// Applies `f` to every element, in place.
    pub fn map(mut self, f: impl Fn(f64) -> f64) -> Array {
        self.0.iter_mut().for_each(|x| *x = f(*x));
        self
    }

    /// The elements, borrowed: arithmetic on them makes a new array.
    pub fn view(&self) -> ArrayView<'_> {
        ArrayView(&self.0)
    }

    /// The elements, without a copy.
    pub fn into_vec(self) -> Vec<f64> {
        self.0
    }

    /// The sum of the elements (0 when empty), as numpy's `sum`.
    pub fn sum(&self) -> f64 {
        self.0.iter().sum()
    }

    /// The smallest element (NaN when empty), as numpy's `min`.
    pub fn min(&self) -> f64 {
        self.0.iter().copied().fold(f64::NAN, f64::min)
    }

    /// The largest element (NaN when empty), as numpy's `max`.
    pub fn max(&self) -> f64 {
        self.0.iter().copied().fold(f64::NAN, f64::max)
    }

    /// The arithmetic mean (NaN when empty), as numpy's `mean`.
    pub fn mean(&self) -> f64 {
        self.sum() / self.0.len() as f64
    }

    /// The elements at `indices`, as numpy's `a[indices]`. Panics on an index past the end,
    /// as numpy raises.
    pub fn take(&self, indices: &[usize]) -> Array {
        Array(indices.iter().map(|&i| self.0[i]).collect())
    }

    /// The elements where `mask` is true, as numpy's `a[mask]` with a boolean mask.
    pub fn mask(&self, mask: &[bool]) -> Array {
        assert_eq!(
            self.len(),
            mask.len(),
            "a mask must be as long as the array"
        );
        Array(
            self.iter()
                .zip(mask)
                .filter(|m| *m.1)
                .map(|m| *m.0)
                .collect(),
        )
    }

    /// The standard deviation with `ddof` delta degrees of freedom, as numpy's
    /// `std(ddof=…)` (pandas' `std()` is `ddof=1`).
    pub fn std(&self, ddof: f64) -> f64 {
        let mean = self.mean();
        let squares: f64 = self.0.iter().map(|x| (x - mean).powi(2)).sum();
        (squares / (self.0.len() as f64 - ddof)).sqrt()
    }

    /// The `q` quantile (0 to 1), interpolated linearly between the two nearest elements,
    /// as numpy's `quantile` (and pandas' `describe()` percentiles); NaN when empty.
    pub fn quantile(&self, q: f64) -> f64 {
        let mut sorted = self.0.clone();
        sorted.sort_by(f64::total_cmp);
        let at = q.clamp(0.0, 1.0) * (sorted.len() as f64 - 1.0);
        match (
            sorted.get(at.floor() as usize),
            sorted.get(at.ceil() as usize),
        ) {
            (Some(lo), Some(hi)) => lo + (hi - lo) * at.fract(),
            _ => f64::NAN,
        }
    }
}

/// pandas' `DataFrame.describe()` of the named columns, as text: count, mean, std (ddof
/// 1), min, quartiles and max of each, a column of figures per array.
///
/// ```
/// use rokeh_np as np;
/// let text = np::describe(&[("a", np::arange(1.0, 5.0, 1.0))]);
/// assert_eq!(text.lines().nth(2), Some("mean        2.500000"));
/// ```
pub fn describe(columns: &[(impl AsRef<str>, Array)]) -> String {
    type Stat = fn(&Array) -> f64;
    let stats: [(&str, Stat); 8] = [
        ("count", |a| a.len() as f64),
        ("mean", Array::mean),
        ("std", |a| a.std(1.0)),
        ("min", Array::min),
        ("25%", |a| a.quantile(0.25)),
        ("50%", |a| a.quantile(0.5)),
        ("75%", |a| a.quantile(0.75)),
        ("max", Array::max),
    ];
    let mut out = format!("{:6}", "");
    for (name, _) in columns {
        out += &format!("{:>14}", name.as_ref());
    }
    for (stat, f) in stats {
        out += &format!("\n{stat:<6}");
        for (_, a) in columns {
            out += &format!("{:>14.6}", f(a));
        }
    }
    out
}

/// `num` evenly spaced values from `start` to `stop` inclusive, as `np.linspace`.
pub fn linspace(start: f64, stop: f64, num: usize) -> Array {
    let step = if num > 1 {
        (stop - start) / (num - 1) as f64
    } else {
        0.0
    };
    let mut values = by_index(num, |i| start + step * i as f64);
    // The end is exact, as numpy's is.
    if let Some(last) = values.0.last_mut().filter(|_| num > 1) {
        *last = stop;
    }
    values
}

/// Values from `start` up to (not including) `stop` by `step`, as `np.arange`; empty for a
/// step of zero or one that never reaches `stop`.
pub fn arange(start: f64, stop: f64, step: f64) -> Array {
    let count = ((stop - start) / step).ceil();
    let count = if count.is_finite() && count > 0.0 {
        count as usize
    } else {
        0
    };
    by_index(count, |i| start + step * i as f64)
}

/// `n` elements, the `i`th `f(i)`, in blocks (see `blocks.rs`).
fn by_index(n: usize, f: impl Fn(usize) -> f64 + Copy) -> Array {
    let mut values = vec![0.0; n];
    for (b, block) in values.chunks_mut(BLOCK).enumerate() {
        on_block(block, move |block: &mut [f64]| {
            for (i, v) in block.iter_mut().enumerate() {
                *v = f(b * BLOCK + i);
            }
        });
    }
    Array(values)
}

/// `n` zeros, as `np.zeros`.
pub fn zeros(n: usize) -> Array {
    Array(vec![0.0; n])
}

/// How many of `a` fall in each of `bins` equal bins from its smallest to its largest
/// value, and the bins' edges (`bins + 1` of them), as `np.histogram(a, bins=bins)`.
pub fn histogram(a: &Array, bins: usize) -> (Array, Array) {
    let (min, max) = (a.min(), a.max());
    let (min, max) = if min < max {
        (min, max)
    } else {
        (min - 0.5, max + 0.5)
    };
    let edges = linspace(min, max, bins + 1);
    (histogram_with(a, &edges), edges)
}

/// How many of `a` fall in each bin between consecutive `edges` (ascending), the last bin
/// closed on the right, as `np.histogram(a, bins=edges)`; values outside are not counted.
pub fn histogram_with(a: &Array, edges: &Array) -> Array {
    let bins = edges.len().saturating_sub(1);
    let mut counts = vec![0.0; bins];
    for &x in a.iter() {
        let (first, last) = (edges[0], edges[bins]);
        if bins == 0 || !(first..=last).contains(&x) {
            continue;
        }
        // The first edge above x closes its bin; x on the last edge joins the last bin.
        let bin = edges
            .partition_point(|&e| e <= x)
            .saturating_sub(1)
            .min(bins - 1);
        counts[bin] += 1.0;
    }
    Array(counts)
}

/// Running sums, as `np.cumsum`.
pub fn cumsum(mut a: Array) -> Array {
    let mut total = 0.0;
    for x in a.0.iter_mut() {
        total += *x;
        *x = total;
    }
    a
}

/// Element-wise sine, as `np.sin`.
pub fn sin(mut a: Array) -> Array {
    kernels::sin(&mut a.0);
    a
}

/// Element-wise cosine, as `np.cos`.
pub fn cos(mut a: Array) -> Array {
    kernels::cos(&mut a.0);
    a
}

/// Element-wise e^x, as `np.exp`.
pub fn exp(mut a: Array) -> Array {
    kernels::exp(&mut a.0);
    a
}

/// Element-wise natural logarithm, as `np.log`.
pub fn log(mut a: Array) -> Array {
    kernels::ln(&mut a.0);
    a
}

/// Element-wise square root, as `np.sqrt`.
pub fn sqrt(mut a: Array) -> Array {
    kernels::each(&mut a.0, <Simd as Lanes>::sqrt);
    a
}

impl From<Vec<f64>> for Array {
    fn from(values: Vec<f64>) -> Array {
        Array(values)
    }
}

impl From<&[f64]> for Array {
    fn from(values: &[f64]) -> Array {
        Array(values.to_vec())
    }
}

impl FromIterator<f64> for Array {
    fn from_iter<I: IntoIterator<Item = f64>>(iter: I) -> Array {
        Array(iter.into_iter().collect())
    }
}

impl Deref for Array {
    type Target = [f64];
    fn deref(&self) -> &[f64] {
        &self.0
    }
}

impl DerefMut for Array {
    fn deref_mut(&mut self) -> &mut [f64] {
        &mut self.0
    }
}

/// An array borrowed where it lies (a document's column), read without a copy, as numpy's
/// `np.asarray` of an array: arithmetic on it makes a new [`Array`] in one pass.
///
/// ```
/// use rokeh_np as np;
/// let column: Vec<f64> = vec![0.0, 1.0, 2.0]; // e.g. `doc.column_f64(source, "x")`
/// let x = np::asarray(&column);
/// let y = 1.5 * np::sin(2.0 * x + 0.5) + 0.1; // numpy: 1.5 * np.sin(2 * x + 0.5) + 0.1
/// assert_eq!(y.len(), 3);
/// assert_eq!(&(x + x)[..], &[0.0, 2.0, 4.0]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArrayView<'a>(&'a [f64]);

/// `values` as an array, without a copy, as `np.asarray`.
pub fn asarray(values: &[f64]) -> ArrayView<'_> {
    ArrayView(values)
}

impl ArrayView<'_> {
    /// An owned copy.
    pub fn to_array(self) -> Array {
        Array(self.0.to_vec())
    }
}

impl Deref for ArrayView<'_> {
    type Target = [f64];
    fn deref(&self) -> &[f64] {
        self.0
    }
}

impl From<ArrayView<'_>> for Array {
    fn from(view: ArrayView<'_>) -> Array {
        view.to_array()
    }
}

impl Neg for Array {
    type Output = Array;
    fn neg(mut self) -> Array {
        kernels::each(&mut self.0, |x| -x);
        self
    }
}

/// Arithmetic of arrays with numbers and with each other, element by element, in SIMD
/// lanes: on an owned array in place; on borrowed ones ([`ArrayView`], `&Array`) into a new
/// array in one pass. Two arrays of different lengths panic, as numpy raises.
macro_rules! ops {
    ($($trait:ident $method:ident $op:tt),*) => {$(
        impl $trait<f64> for Array {
            type Output = Array;
            fn $method(mut self, rhs: f64) -> Array {
                let rhs = Simd::splat(rhs);
                kernels::each(&mut self.0, move |x| x $op rhs);
                self
            }
        }
        impl $trait<f64> for ArrayView<'_> {
            type Output = Array;
            fn $method(self, rhs: f64) -> Array {
                let rhs = Simd::splat(rhs);
                Array(kernels::each_from(self.0, move |x| x $op rhs))
            }
        }
        impl $trait<f64> for &Array {
            type Output = Array;
            fn $method(self, rhs: f64) -> Array {
                self.view() $op rhs
            }
        }
        impl $trait<Array> for f64 {
            type Output = Array;
            fn $method(self, mut rhs: Array) -> Array {
                let lhs = Simd::splat(self);
                kernels::each(&mut rhs.0, move |x| lhs $op x);
                rhs
            }
        }
        impl $trait<ArrayView<'_>> for f64 {
            type Output = Array;
            fn $method(self, rhs: ArrayView<'_>) -> Array {
                let lhs = Simd::splat(self);
                Array(kernels::each_from(rhs.0, move |x| lhs $op x))
            }
        }
        impl $trait<&Array> for f64 {
            type Output = Array;
            fn $method(self, rhs: &Array) -> Array {
                self $op rhs.view()
            }
        }
        impl $trait<ArrayView<'_>> for Array {
            type Output = Array;
            fn $method(mut self, rhs: ArrayView<'_>) -> Array {
                kernels::each_with(&mut self.0, rhs.0, |x, y| x $op y);
                self
            }
        }
        impl $trait<&Array> for Array {
            type Output = Array;
            fn $method(self, rhs: &Array) -> Array {
                self $op rhs.view()
            }
        }
        impl $trait<Array> for Array {
            type Output = Array;
            fn $method(self, rhs: Array) -> Array {
                self $op rhs.view()
            }
        }
        impl $trait<Array> for ArrayView<'_> {
            type Output = Array;
            fn $method(self, mut rhs: Array) -> Array {
                kernels::each_with(&mut rhs.0, self.0, |y, x| x $op y);
                rhs
            }
        }
        impl $trait<ArrayView<'_>> for ArrayView<'_> {
            type Output = Array;
            fn $method(self, rhs: ArrayView<'_>) -> Array {
                Array(kernels::each_from_with(self.0, rhs.0, |x, y| x $op y))
            }
        }
    )*};
}

ops!(Add add +, Sub sub -, Mul mul *, Div div /);
