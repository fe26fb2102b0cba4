//! Sines and cosines with fused multiply-adds, from wasm's relaxed SIMD, where the browser
//! has it. A module that uses relaxed SIMD anywhere fails to load in a browser without it,
//! so the page's own module never does: the kernel of `trig.rs` is built a second time,
//! alone, as a module of a few hundred bytes (`side/kernel.rs`, by `build.rs`) that works
//! in the page's memory. The page loads it on the first long array, if the browser
//! validates it; where it does not, the page's own kernel does all the work.
//!
//! The fused polynomial takes a fifth off a sine (a million in 2.0 ms instead of 2.5 in
//! V8 on this machine), and is as accurate (`tests/np.rs` runs it in Chromium).

/// Shorter arrays stay in the page's module: the call through JavaScript costs what the
/// fused kernel saves on a few thousand elements.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
const SHORTEST: usize = crate::blocks::BLOCK;

/// `sin` (or `cos` when `COS`) of `values` from the start by the side module, block by
/// block until one has an element beyond its range: how many it did. `None` when the
/// browser lacks relaxed SIMD or the array is short (natively, always).
pub(crate) fn trig<const COS: bool>(values: &mut [f64]) -> Option<usize> {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if values.len() >= SHORTEST {
        return side::KERNELS.with(|kernels| kernels.as_ref().map(|k| k.run::<COS>(values)));
    }
    let _ = values;
    None
}

/// Whether long arrays' `sin` and `cos` run the fused kernel of wasm's relaxed SIMD: in a
/// browser that has it (every Chromium since 114), never natively.
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

    use crate::trig::TRIG;

    /// The side module, built by `build.rs` from `side/kernel.rs`. Under 4 KiB, so that it
    /// may be compiled synchronously on the main thread (`build.rs` checks).
    static MODULE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/relaxed.wasm"));

    /// The side module's exports.
    pub(super) struct Kernels {
        sin: Function,
        cos: Function,
    }

    thread_local! {
        /// Loaded on first use; `None` where the browser does not validate the module.
        pub(super) static KERNELS: Option<Kernels> = load().ok().flatten();
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
        Ok(Some(Kernels {
            sin: export("sin")?,
            cos: export("cos")?,
        }))
    }

    impl Kernels {
        pub(super) fn run<const COS: bool>(&self, values: &mut [f64]) -> usize {
            let kernel = if COS { &self.cos } else { &self.sin };
            // Addresses in the page's memory, which the side module imports.
            let address = |at: *const f64| JsValue::from(at as u32);
            let done = kernel
                .call3(
                    &JsValue::UNDEFINED,
                    &address(values.as_ptr()),
                    &JsValue::from(values.len() as u32),
                    &address(TRIG.as_ptr()),
                )
                .ok()
                .and_then(|done| done.as_f64());
            // It neither allocates nor uses a stack (`build.rs` checks): nothing can trap.
            done.expect("the relaxed-SIMD kernel returns a count") as usize
        }
    }
}
