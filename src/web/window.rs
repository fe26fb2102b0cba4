//! The page's window and its performance clock, looked up once: each `web_sys::window()`
//! is two calls out of wasm (the global object, then a check that it is a Window), and a
//! repaint used to make four.

use web_sys::{Performance, Window};

thread_local! {
    static WINDOW: Option<Window> = web_sys::window();
    static PERFORMANCE: Option<Performance> = WINDOW.with(|w| w.as_ref()?.performance());
}

/// `f` of the window; `None` where there is none (a worker).
pub fn with_window<R>(f: impl FnOnce(&Window) -> R) -> Option<R> {
    WINDOW.with(|w| w.as_ref().map(f))
}

/// `performance.now()`, when the page has a clock.
pub fn now() -> Option<f64> {
    PERFORMANCE.with(|p| p.as_ref().map(Performance::now))
}

/// `f` of the page's performance object.
pub fn with_performance<R>(f: impl FnOnce(&Performance) -> R) -> Option<R> {
    PERFORMANCE.with(|p| p.as_ref().map(f))
}
