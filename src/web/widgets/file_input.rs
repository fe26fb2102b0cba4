//! FileInput: the browser's own file chooser. The chosen file's bytes are read and set as
//! Bokeh does: `value` base64, with `filename` and `mime_type` (lists of each when several
//! files are chosen), all three in one change.

use base64::Engine;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::{title_label, watch};

/// One chosen file, read.
struct Chosen {
    base64: String,
    name: String,
    mime_type: String,
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, |a| {
        let accept = match a.value("accept") {
            Value::List(items) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(","),
            v => v.as_str().unwrap_or_default().to_owned(),
        };
        (accept, a.flag("multiple"), a.flag("directory"))
    });
    let id = page.element_id(model);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(files) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
        else {
            return;
        };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        let several = shown.with_untracked(|s| s.1 || s.2);
        wasm_bindgen_futures::spawn_local(async move {
            let mut chosen = Vec::with_capacity(files.len());
            for file in files {
                match read(&file).await {
                    Ok(c) => chosen.push(c),
                    Err(e) => {
                        let message = format!("rokeh: reading {}: {e:?}", file.name());
                        web_sys::console::error_1(&message.into());
                        return;
                    }
                }
            }
            set_chosen(page, model, chosen, several);
        });
    };
    view! {
        <div class="rk-input-widget rk-file-input">
            {title_label(page, model, id.clone())}
            <input
                type="file"
                id=id
                accept=move || shown.with(|s| s.0.clone())
                multiple=move || shown.with(|s| s.1 || s.2)
                prop:webkitdirectory=move || shown.with(|s| s.2)
                disabled=disabled
                on:change=on_change
            />
        </div>
    }
    .into_any()
}

async fn read(file: &web_sys::File) -> Result<Chosen, wasm_bindgen::JsValue> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(Chosen {
        base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        name: file.name(),
        mime_type: file.type_(),
    })
}

/// Sets the three properties in one change: one file as strings, several as lists.
fn set_chosen(page: Page, model: AnyId, chosen: Vec<Chosen>, several: bool) {
    if chosen.is_empty() {
        return;
    }
    let pick = |f: fn(&Chosen) -> &String| -> Value {
        match (several, chosen.as_slice()) {
            (false, [one, ..]) => Value::Str(f(one).clone()),
            _ => Value::List(chosen.iter().map(|c| Value::Str(f(c).clone())).collect()),
        }
    };
    let (value, filename, mime_type) = (
        pick(|c| &c.base64),
        pick(|c| &c.name),
        pick(|c| &c.mime_type),
    );
    let result = page.update(|d| {
        d.batch(|d| {
            d.set_attr(model, "value", value)?;
            d.set_attr(model, "filename", filename)?;
            d.set_attr(model, "mime_type", mime_type)
        })
    });
    if let Err(e) = result {
        web_sys::console::error_1(&format!("rokeh: file input: {e}").into());
    }
}
