//! Long loops run in blocks, each block a call of its own, for V8's sake: it compiles a wasm
//! function first without optimising (Liftoff), optimises it in the background once it runs
//! hot, and only a later call runs the optimised code. A loop over a whole big array in one
//! call runs unoptimised to its end the first time (about three times slower: a page's
//! first million sines); in blocks, only the first few blocks do.

/// Elements per block: 32 KiB of f64, small enough that the first blocks are soon done and
/// large enough that the call costs nothing beside them.
pub(crate) const BLOCK: usize = 4096;

/// `f()`, never inlined: a loop over one block put in here is a function of its own, which
/// V8 optimises after its first calls.
#[inline(never)]
pub(crate) fn out_of_line<R>(f: impl FnOnce() -> R) -> R {
    f()
}
