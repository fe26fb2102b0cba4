//! A formula over a long array, a cache-sized piece at a time:
//! `np::evaluate(&x, |x| a * np::sin(k * x + w) + b)`, as numexpr's `evaluate` does for
//! numpy. The same formula over the whole array makes a pass over memory per operation,
//! five for that line; past the caches (ten million points, 80 MB a column) each pass
//! costs about what the sines cost. Piece by piece, every pass after the first read of `x`
//! stays in the cache, and each piece's operations are the array's own (in place, in SIMD
//! lanes, the sines in the relaxed-SIMD side module where the browser has it).

use crate::blocks::BLOCK;
use crate::Array;

/// Elements per piece: a block (32 KiB of f64), which stays in a core's L1 cache; longer
/// pieces (64 and 128 KiB, in L2) were no faster at ten million points in Chromium.
const PIECE: usize = BLOCK;

/// The element-wise formula `f` over `x`, into a new array: `f` is given consecutive
/// pieces of `x` as arrays of their own and returns each piece's result, as long as the
/// piece. Only element-wise formulas give the whole array's result this way (a sum or a
/// `cumsum` inside `f` would see one piece). Panics when `f` returns a piece of another
/// length.
///
/// ```
/// use rokeh_np as np;
/// let x = np::linspace(0.0, 4.0 * std::f64::consts::PI, 100_001);
/// let (a, k, w, b) = (1.5, 2.0, 0.5, 0.1);
/// let y = np::evaluate(&x, |x| a * np::sin(k * x + w) + b);
/// assert_eq!(y, a * np::sin(k * &x + w) + b); // the same numbers, in one pass over memory
/// ```
pub fn evaluate(x: &[f64], f: impl Fn(Array) -> Array) -> Array {
    let mut out = Vec::with_capacity(x.len());
    // One buffer goes round: each piece is copied into the last piece's result, and the
    // formula's operations work in it in place.
    let mut piece = Vec::with_capacity(PIECE.min(x.len()));
    for from in x.chunks(PIECE) {
        piece.clear();
        piece.extend_from_slice(from);
        let result = f(Array::from(piece)).into_vec();
        assert_eq!(
            result.len(),
            from.len(),
            "np::evaluate's formula returned {} elements for a piece of {}",
            result.len(),
            from.len()
        );
        out.extend_from_slice(&result);
        piece = result;
    }
    Array::from(out)
}
