//! The images figures draw by URL (ImageURL glyphs, map tiles): each fetched once into an
//! `<img>` as BokehJS's `ImageLoader` fetches it (cross-origin "anonymous" first, then
//! without, each way tried as often as asked), kept as the element and drawn with
//! `drawImage` — the browser decodes, scales and smooths it exactly as it does for
//! BokehJS, with no copy of its pixels in wasm — and the figures that asked for it
//! painted again when it arrives.
//!
//! At most [`KEPT`] images are kept: past that, those used least lately go, but never one
//! drawn since the last paint began (a figure showing more images than that keeps them
//! all, rather than fetching them again at every paint).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlImageElement;

use crate::render::Retry;

/// How many images are kept, drawn lately or not.
const KEPT: usize = 256;

/// Paints a figure again (bumps its repaint signal).
pub type Wake = Rc<dyn Fn()>;

enum State {
    /// Being fetched; these figures wait for it.
    Loading(Vec<Wake>),
    Ready,
    Failed,
}

struct Entry {
    img: HtmlImageElement,
    state: State,
    /// The paint that last asked for it.
    used: u64,
    /// The element's handlers, kept as long as the entry.
    _handlers: [Closure<dyn FnMut()>; 2],
}

#[derive(Default)]
struct Images {
    entries: HashMap<String, Entry>,
    /// Counts paints: entries asked for in the current one are not let go.
    paint: u64,
}

thread_local! {
    static IMAGES: RefCell<Images> = RefCell::default();
}

/// A paint begins: what it asks for is kept at least until the next one.
pub fn paint_began() {
    IMAGES.with_borrow_mut(|i| i.paint += 1);
}

/// The image at `url` when it has arrived; else, with `fetch`, it is fetched (if it was
/// not already, and has not failed) and `wake` called once it arrives.
pub fn get(url: &str, fetch: Option<Retry>, wake: Option<&Wake>) -> Option<HtmlImageElement> {
    let known = IMAGES.with_borrow_mut(|images| {
        let paint = images.paint;
        let entry = images.entries.get_mut(url)?;
        entry.used = paint;
        Some(match &mut entry.state {
            State::Ready => Some(entry.img.clone()),
            State::Loading(waiting) => {
                if let (Some(_), Some(wake)) = (fetch, wake) {
                    if !waiting.iter().any(|w| Rc::ptr_eq(w, wake)) {
                        waiting.push(wake.clone());
                    }
                }
                None
            }
            State::Failed => None,
        })
    });
    if let Some(img) = known {
        return img;
    }
    let entry = load(url, fetch?, wake.cloned())?;
    IMAGES.with_borrow_mut(|images| {
        images.entries.insert(url.to_owned(), entry);
        images.let_go();
    });
    None
}

impl Images {
    /// Lets the entries used least lately go while there are more than [`KEPT`], but
    /// none being fetched or asked for in this paint.
    fn let_go(&mut self) {
        let excess = self.entries.len().saturating_sub(KEPT);
        if excess == 0 {
            return;
        }
        let mut idle: Vec<(u64, String)> = self
            .entries
            .iter()
            .filter(|(_, e)| e.used < self.paint && !matches!(e.state, State::Loading(_)))
            .map(|(url, e)| (e.used, url.clone()))
            .collect();
        idle.sort();
        for (_, url) in idle.into_iter().take(excess) {
            if let Some(entry) = self.entries.remove(&url) {
                entry.img.set_onload(None);
                entry.img.set_onerror(None);
            }
        }
    }
}

/// Starts fetching `url`, trying `retry.attempts` more times `retry.timeout_ms` apart
/// with a cross-origin request, then as many without one.
fn load(url: &str, retry: Retry, wake: Option<Wake>) -> Option<Entry> {
    let img = HtmlImageElement::new().ok()?;
    img.set_cross_origin(Some("anonymous"));
    let loaded = {
        let url = url.to_owned();
        Closure::<dyn FnMut()>::new(move || arrived(&url, true))
    };
    let failed = {
        let (url, img) = (url.to_owned(), img.clone());
        let tries = Rc::new(Cell::new(0u32));
        Closure::<dyn FnMut()>::new(move || {
            tries.set(tries.get() + 1);
            if tries.get() > retry.attempts {
                if img.cross_origin().is_none() {
                    arrived(&url, false);
                    return;
                }
                // As BokehJS: a server that answers no cross-origin request may still
                // show the image (on a canvas it then taints).
                img.set_cross_origin(None);
                tries.set(0);
            }
            let (img, url) = (img.clone(), url.clone());
            let wait = Duration::from_millis(u64::from(retry.timeout_ms));
            leptos::prelude::set_timeout(move || img.set_src(&url), wait);
        })
    };
    img.set_onload(Some(loaded.as_ref().unchecked_ref()));
    img.set_onerror(Some(failed.as_ref().unchecked_ref()));
    img.set_src(url);
    Some(Entry {
        img,
        state: State::Loading(wake.into_iter().collect()),
        used: IMAGES.with_borrow(|i| i.paint),
        _handlers: [loaded, failed],
    })
}

/// The image at `url` arrived (or failed for good): the figures waiting for it paint
/// again (one that failed changes nothing they show).
fn arrived(url: &str, ok: bool) {
    let waiting = IMAGES.with_borrow_mut(|images| {
        let entry = images.entries.get_mut(url)?;
        let state = if ok { State::Ready } else { State::Failed };
        match std::mem::replace(&mut entry.state, state) {
            State::Loading(waiting) => Some(waiting),
            _ => None,
        }
    });
    if ok {
        for wake in waiting.into_iter().flatten() {
            wake();
        }
    }
}
