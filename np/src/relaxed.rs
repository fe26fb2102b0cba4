//! Sines, cosines and exponentials with fused multiply-adds, from wasm's relaxed SIMD,
//! where the browser has it. A module that uses relaxed SIMD anywhere fails to load in a
//! browser without it, so the page's own module never does: the fast paths of `fast.rs`
//! are built a second time, alone, as a module of a few kilobytes (`side/kernel.rs`, by
//! `build.rs`) that works in the page's memory. The page loads it on the first long
//! array, if the browser validates it and it passes a check of its own (a block of each
//! function within 4 ε, about 2 ulp, of the standard library's); where it does not, the
//! page's own kernels do all the work. (Logarithms stay in the page's module: with them
//! the side module would pass the 4 KiB a page may compile at once.)
//!
//! Fused polynomials take a fifth off a sine (a million in 2.0 ms instead of 2.5 in V8 on
//! this machine) and about a tenth off an exponential (2.2 ms; its fast path alone 2.0
//! against 2.45), as accurately (`tests/np.rs` runs them in Chromium).

/// A function the side module has.
#[derive(Clone, Copy)]
pub(crate) enum Kernel {
    Sin,
    Cos,
    Exp,
}

/// Shorter arrays stay in the page's module: the call through JavaScript costs what the
/// fused kernel saves on a few thousand elements.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
const SHORTEST: usize = crate::blocks::BLOCK;

/// `kernel` of `values` from the start by the side module, block by block until one has
/// an element beyond its range: how many it did. `None` when the browser lacks relaxed
/// SIMD or the array is short (natively, always).
pub(crate) fn run(kernel: Kernel, values: &mut [f64]) -> Option<usize> {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if values.len() >= SHORTEST {
        return side::KERNELS.with(|kernels| kernels.as_ref().map(|k| k.run(kernel, values)));
    }
    let _ = (kernel, values);
    None
}

/// Whether long arrays' `sin`, `cos` and `exp` run the fused kernels of wasm's relaxed
/// SIMD: in a browser that has it (every Chromium since 114), never natively.
pub fn relaxed_simd() -> bool {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    return side::KERNELS.with(Option::is_some);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    false
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod side {
    use js_sys::{Function, Object, Reflect, Uint8Array, WebAssembly};
    use wasm_bindgen::{JsCast, JsValue};

    use super::Kernel;
    use crate::blocks::BLOCK;
    use crate::fast::TRIG;

    /// The side module, built by `build.rs` from `side/kernel.rs`. Under 4 KiB, so that it
    /// may be compiled synchronously on the main thread (`build.rs` checks).
    static MODULE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/relaxed.wasm"));

    /// The side module's exports, in [`Kernel`]'s order.
    pub(super) struct Kernels([Function; 3]);

    thread_local! {
        /// Loaded on first use; `None` where the browser does not validate the module or
        /// it fails its check.
        pub(super) static KERNELS: Option<Kernels> =
            load().ok().flatten().filter(Kernels::pass);
    }

    fn load() -> Result<Option<Kernels>, JsValue> {
        let bytes: JsValue = Uint8Array::from(MODULE).into();
        if !WebAssembly::validate(&bytes)? {
            return Ok(None);
        }
        let module = WebAssembly::Module::new(&bytes)?;
        let (env, imports) = (Object::new(), Object::new());
        Reflect::set(&env, &"memory".into(), &wasm_bindgen::memory())?;
        Reflect::set(&imports, &"env".into(), &env)?;
        let exports = WebAssembly::Instance::new(&module, &imports)?.exports();
        let export = |name: &str| Reflect::get(&exports, &name.into())?.dyn_into::<Function>();
        Ok(Some(Kernels([
            export("sin")?,
            export("cos")?,
            export("exp")?,
        ])))
    }

    impl Kernels {
        /// Whether each function, on a block and two elements the second of which is NaN,
        /// does the block alone, within 4 ε of the standard library's: a module that
        /// traps (a stack it must not use, see `build.rs`) or an engine's wrong fused
        /// multiply-add leaves the work to the page's own kernels.
        fn pass(&self) -> bool {
            [Kernel::Sin, Kernel::Cos, Kernel::Exp]
                .into_iter()
                .all(|kernel| {
                    let exact = match kernel {
                        Kernel::Sin => f64::sin,
                        Kernel::Cos => f64::cos,
                        Kernel::Exp => f64::exp,
                    };
                    let xs: Vec<f64> = (0..BLOCK + 2).map(|i| 0.5 + i as f64 * 1e-3).collect();
                    let mut values = xs.clone();
                    values[BLOCK + 1] = f64::NAN;
                    self.call(kernel, &mut values) == Some(BLOCK)
                        && (xs.iter().zip(&values[..BLOCK])).all(|(&x, &y)| {
                            // About 2 ulp: `tests/np.rs` holds them to it over every range.
                            (y - exact(x)).abs() <= 4.0 * f64::EPSILON * exact(x).abs()
                        })
                })
        }

        pub(super) fn run(&self, kernel: Kernel, values: &mut [f64]) -> usize {
            // It passed its check on load: it returns a count.
            self.call(kernel, values)
                .expect("the relaxed-SIMD kernel returns a count")
        }

        fn call(&self, kernel: Kernel, values: &mut [f64]) -> Option<usize> {
            // Addresses in the page's memory, which the side module imports; the sine's
            // and cosine's constants from there too (see `side/kernel.rs`).
            let address = |at: *const f64| JsValue::from(at as u32);
            let done = self.0[kernel as usize].call3(
                &JsValue::UNDEFINED,
                &address(values.as_ptr()),
                &JsValue::from(values.len() as u32),
                &address(TRIG.as_ptr()),
            );
            done.ok()?.as_f64().map(|done| done as usize)
        }
    }
}
