//! An app's data files (see [`crate::App::with_files`]), got before its document is built:
//! inlined in a single-file page (`<script type="application/octet-stream"
//! data-rokeh-file="data/movies.json.gz">` holding base64), else fetched beside the page
//! (an embedded page's own folder, not the host page's).

use base64::Engine;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::provide_file;

/// Gets every one of `paths` (relative to `base`, else to the page) and provides it to
/// the app; the first that cannot be had, and why.
pub async fn load(paths: &[String], base: Option<&str>) -> Result<(), String> {
    for path in paths {
        let bytes = match inlined(path) {
            Some(bytes) => bytes?,
            None => fetch(path, base).await?,
        };
        provide_file(path, bytes);
    }
    Ok(())
}

fn inlined(path: &str) -> Option<Result<Vec<u8>, String>> {
    let selector = format!("script[data-rokeh-file=\"{path}\"]");
    let element = web_sys::window()?
        .document()?
        .query_selector(&selector)
        .ok()??;
    let text = element.text_content().unwrap_or_default();
    let clean: String = text.split_whitespace().collect();
    Some(
        base64::engine::general_purpose::STANDARD
            .decode(clean)
            .map_err(|e| format!("{path}: the inlined file is not base64: {e}")),
    )
}

async fn fetch(path: &str, base: Option<&str>) -> Result<Vec<u8>, String> {
    let failed = |e: wasm_bindgen::JsValue| format!("{path}: {e:?}");
    let url = match base {
        Some(base) => web_sys::Url::new_with_base(path, base)
            .map_err(failed)?
            .href(),
        None => path.to_owned(),
    };
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(failed)?;
    let response: web_sys::Response = response.dyn_into().map_err(failed)?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
