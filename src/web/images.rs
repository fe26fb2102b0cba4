//! The images figures draw by URL (ImageURL glyphs, map tiles): each fetched once into an
//! `<img>` as BokehJS's `ImageLoader` fetches it (an image given as bytes from a blob of
//! them, as a PNG, as BokehJS does) (cross-origin "anonymous" first, then
//! without, each way tried as often as asked), kept as the element and drawn with
//! `drawImage` — the browser decodes, scales and smooths it exactly as it does for
//! BokehJS, with no copy of its pixels in wasm — and the figures that asked for it
//! painted again when it arrives. Only a page with a view that draws such images
//! (`views::IMAGE_URL`, `views::TILE_RENDERER`) fetches them: the others carry none of
//! this.
//!
//! At most [`KEPT`] images are kept: past that, those used least lately go, but never one
//! drawn since the last paint began (a figure showing more images than that keeps them
//! all, rather than fetching them again at every paint).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlImageElement;

use crate::render::{ImageSource, Retry};

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

/// An image as the page knows it: its URL, or the address of its bytes (which its entry
/// keeps, so that no other bytes take that address while it is known).
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Url(String),
    Bytes(usize),
}

impl Key {
    fn of(image: ImageSource<'_>) -> Key {
        match image {
            ImageSource::Url(url) => Key::Url(url.to_owned()),
            ImageSource::Bytes(bytes) => Key::Bytes(Arc::as_ptr(bytes) as usize),
        }
    }
}

struct Entry {
    img: HtmlImageElement,
    /// The bytes of an image given as bytes, and the blob URL it is fetched from (let go
    /// with the entry).
    bytes: Option<(Arc<Vec<u8>>, String)>,
    state: State,
    /// The paint that last asked for it.
    used: u64,
    /// The element's handlers, kept as long as the entry.
    _handlers: [Closure<dyn FnMut()>; 2],
}

#[derive(Default)]
struct Images {
    entries: HashMap<Key, Entry>,
}

thread_local! {
    static IMAGES: RefCell<Images> = RefCell::default();
}

/// [`get`], which a page gets with the views that draw images by URL (see
/// [`crate::views`]): a page without them carries none of this.
pub type FetchImages =
    fn(ImageSource<'_>, Option<Retry>, Option<&Wake>, u64) -> Option<HtmlImageElement>;

/// `image` when it has arrived; else, with `fetch`, it is fetched (if it was
/// not already, and has not failed) and `wake` called once it arrives. `paint` counts the
/// page's paints: what the current one asked for is kept at least until the next.
pub fn get(
    image: ImageSource<'_>,
    fetch: Option<Retry>,
    wake: Option<&Wake>,
    paint: u64,
) -> Option<HtmlImageElement> {
    let key = Key::of(image);
    let known = IMAGES.with_borrow_mut(|images| {
        let entry = images.entries.get_mut(&key)?;
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
    let entry = load(image, &key, fetch?, wake.cloned(), paint)?;
    IMAGES.with_borrow_mut(|images| {
        images.entries.insert(key, entry);
        images.let_go(paint);
    });
    None
}

impl Images {
    /// Lets the entries used least lately go while there are more than [`KEPT`], but
    /// none being fetched or asked for in paint `paint`.
    fn let_go(&mut self, paint: u64) {
        while self.entries.len() > KEPT {
            let idle = self
                .entries
                .iter()
                .filter(|(_, e)| e.used < paint && !matches!(e.state, State::Loading(_)))
                .min_by_key(|(_, e)| e.used)
                .map(|(key, _)| key.clone());
            let Some(entry) = idle.and_then(|key| self.entries.remove(&key)) else {
                return;
            };
            entry.img.set_onload(None);
            entry.img.set_onerror(None);
            if let Some((_, blob_url)) = entry.bytes {
                let _ = web_sys::Url::revoke_object_url(&blob_url);
            }
        }
    }
}

/// Starts fetching `image` (known as `key`), trying `retry.attempts` more times
/// `retry.timeout_ms` apart with a cross-origin request, then as many without one.
fn load(
    image: ImageSource<'_>,
    key: &Key,
    retry: Retry,
    wake: Option<Wake>,
    paint: u64,
) -> Option<Entry> {
    let bytes = match image {
        ImageSource::Url(_) => None,
        ImageSource::Bytes(bytes) => Some((bytes.clone(), blob_url(bytes)?)),
    };
    let url = match (image, &bytes) {
        (_, Some((_, blob_url))) => blob_url.clone(),
        (ImageSource::Url(url), None) => url.to_owned(),
        (ImageSource::Bytes(_), None) => return None,
    };
    let img = HtmlImageElement::new().ok()?;
    img.set_cross_origin(Some("anonymous"));
    let loaded = {
        let key = key.clone();
        Closure::<dyn FnMut()>::new(move || arrived(&key, true))
    };
    let failed = {
        let (key, url, img) = (key.clone(), url.clone(), img.clone());
        let tries = Rc::new(Cell::new(0u32));
        Closure::<dyn FnMut()>::new(move || {
            tries.set(tries.get() + 1);
            if tries.get() > retry.attempts {
                if img.cross_origin().is_none() {
                    arrived(&key, false);
                    return;
                }
                // As BokehJS: a server that answers no cross-origin request may still
                // show the image (on a canvas it then taints). Changing the mode fetches
                // the image again: setting the same source too would fetch it twice.
                img.set_cross_origin(None);
                tries.set(0);
                return;
            }
            let (img, url) = (img.clone(), url.clone());
            let wait = Duration::from_millis(u64::from(retry.timeout_ms));
            leptos::prelude::set_timeout(move || img.set_src(&url), wait);
        })
    };
    img.set_onload(Some(loaded.as_ref().unchecked_ref()));
    img.set_onerror(Some(failed.as_ref().unchecked_ref()));
    img.set_src(&url);
    Some(Entry {
        img,
        bytes,
        state: State::Loading(wake.into_iter().collect()),
        used: paint,
        _handlers: [loaded, failed],
    })
}

/// A blob URL of an image's `bytes`, typed as a PNG as BokehJS types them (the browser
/// decodes any image format it knows whatever the type says).
fn blob_url(bytes: &[u8]) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/png");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// `key`'s image arrived (or failed for good): the figures waiting for it paint again
/// (one that failed changes nothing they show).
fn arrived(key: &Key, ok: bool) {
    let waiting = IMAGES.with_borrow_mut(|images| {
        let entry = images.entries.get_mut(key)?;
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
