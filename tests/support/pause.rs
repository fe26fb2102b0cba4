//! Waiting in the browser's own time, so that the page's effects, re-renders, animation
//! frames and timers run (wasm-bindgen tests).

/// Resolves after `ms` milliseconds of the page's clock.
pub async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
