//! Long loops run in blocks, each block a call of its own, for V8's sake: it compiles a wasm
//! function first without optimising (Liftoff), optimises it in the background once it runs
//! hot, and only a later call runs the optimised code. A loop over a whole big array in one
//! call runs unoptimised to its end the first time (about three times slower: a page's
//! first million sines); in blocks, only the first few blocks do.
//!
//! The block is the called function's own argument, not something its closure captured,
//! and the closure comes by value with what it needs by value: so LLVM knows that writing
//! the block changes nothing the loop reads, and keeps the loop's constants in registers
//! instead of reading them again after every store.

/// Elements per block: 32 KiB of f64, small enough that the first blocks are soon done and
/// large enough that the call costs nothing beside them.
pub(crate) const BLOCK: usize = 4096;

/// `f(block)`, never inlined (see the module docs).
#[inline(never)]
pub(crate) fn on_block<T, R>(block: &mut [T], f: impl FnOnce(&mut [T]) -> R) -> R {
    f(block)
}

/// `f(block)` for a block that is only read, never inlined (see the module docs).
#[inline(never)]
pub(crate) fn on_read_block<R>(block: &[f64], f: impl FnOnce(&[f64]) -> R) -> R {
    f(block)
}
