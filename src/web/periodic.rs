//! The page's timers for the document's periodic callbacks, used when the page runs alone
//! (served by `rokeh serve`, the server runs the app's and their changes arrive as patches;
//! the page runs only those its own callbacks add).
//! After every change of the page's document the timers follow its callbacks, so one
//! added or removed by any callback starts or stops. Also the one-shot timer other parts
//! of the page wait with ([`after`]).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::page::Page;
use crate::document::PeriodicCallbackId;

/// A browser interval, cleared when dropped.
struct Interval {
    handle: i32,
    // Kept alive as long as the browser may call it.
    _tick: Closure<dyn FnMut()>,
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_interval_with_handle(self.handle);
        }
    }
}

type Intervals = Rc<RefCell<BTreeMap<PeriodicCallbackId, Interval>>>;

/// Runs the document's periodic callbacks in the page from now on.
pub fn start(page: Page) {
    start_skipping(page, Vec::new());
}

/// Served: the server runs the periodic callbacks the app made as it built the document;
/// the page runs only those its own callbacks add later (a Play button's), which the
/// server never saw added.
pub fn start_added(page: Page) {
    let built = page.read(|d| d.periodic_callbacks().map(|(id, _)| id).collect());
    start_skipping(page, built);
}

fn start_skipping(page: Page, skip: Vec<PeriodicCallbackId>) {
    let intervals = Intervals::default();
    follow(page, &intervals, &skip);
    page.on_changes(move |_| follow(page, &intervals, &skip));
}

fn follow(page: Page, intervals: &Intervals, skip: &[PeriodicCallbackId]) {
    // Most documents have none: a page that never runs one compiles no timers (its wasm
    // functions compile on their first call, before its first paint).
    let none = page.read(|d| d.periodic_callbacks().all(|(id, _)| skip.contains(&id)));
    if none && intervals.borrow().is_empty() {
        return;
    }
    follow_some(page, intervals, skip);
}

// The lists are the document's, in its order, each id once: collected into a Vec, not a
// BTreeMap, whose collect would compile a sort for them.
#[inline(never)]
fn follow_some(page: Page, intervals: &Intervals, skip: &[PeriodicCallbackId]) {
    let registered: Vec<(PeriodicCallbackId, std::time::Duration)> = page.read(|d| {
        d.periodic_callbacks()
            .filter(|(id, _)| !skip.contains(id))
            .collect()
    });
    // Dropped outside the borrow: nothing else runs meanwhile, but keep it plain.
    let stopped: Vec<Interval> = {
        let mut intervals = intervals.borrow_mut();
        let gone: Vec<PeriodicCallbackId> = intervals
            .keys()
            .filter(|id| !registered.iter().any(|(r, _)| r == *id))
            .copied()
            .collect();
        gone.iter().filter_map(|id| intervals.remove(id)).collect()
    };
    drop(stopped);
    for (id, period) in registered {
        if intervals.borrow().contains_key(&id) {
            continue;
        }
        if let Some(interval) = every(period, move || tick(page, id)) {
            intervals.borrow_mut().insert(id, interval);
        }
    }
}

fn tick(page: Page, id: PeriodicCallbackId) {
    if let Err(e) = page.update(|d| d.run_periodic(id)) {
        web_sys::console::error_1(&format!("rokeh: periodic callback failed: {e}").into());
    }
}

fn every(period: std::time::Duration, f: impl FnMut() + 'static) -> Option<Interval> {
    let tick = Closure::<dyn FnMut()>::new(f);
    // Browsers count in whole milliseconds; a shorter period runs as often as they allow.
    let ms = i32::try_from(period.as_millis()).unwrap_or(i32::MAX);
    let handle = web_sys::window()?
        .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), ms)
        .ok()?;
    Some(Interval {
        handle,
        _tick: tick,
    })
}

/// Runs `f` once after `ms` milliseconds.
pub(super) fn after(ms: i32, f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms);
    }
}
