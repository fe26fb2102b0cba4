//! An app's template ([`crate::App::with_template`]): its HTML as the page's document,
//! each root it names mounted where it names it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::AnyId;
use crate::document::Value;

use super::layout;
use super::page::Page;

/// How the page shows an app's template (see [`view`]).
pub(crate) type ShowTemplate = fn(Page, &str, Memo<Vec<AnyId>>) -> AnyView;

/// The template `html` with each root it names in its place, once mounted (see
/// [`crate::app::template_slots`]).
pub(crate) fn view(page: Page, html: &str, roots: Memo<Vec<AnyId>>) -> AnyView {
    let (html, names) = crate::app::template_slots(html);
    let main = NodeRef::<leptos::html::Main>::new();
    // The places exist once the template's HTML is in the page: each root is mounted into
    // its own, under this owner (so its views find the page's contexts).
    Effect::new(move || {
        let Some(main) = main.get() else {
            return;
        };
        for name in &names {
            let selector = format!(r#"[data-rk-root="{name}"]"#);
            let Ok(Some(place)) = main.query_selector(&selector) else {
                continue;
            };
            let name = name.clone();
            let named = Memo::new(move |_| {
                let named = |d: &crate::Document, root: &AnyId| {
                    d.get_attr(*root, "name").ok() == Some(Value::Str(name.clone()))
                };
                let all = roots.get();
                page.read(|d| all.into_iter().filter(|r| named(d, r)).collect::<Vec<_>>())
            });
            leptos::mount::mount_to(place.unchecked_into(), move || layout::keyed(page, named))
                .forget();
        }
    });
    view! { <main class="rk-document rk-templated" node_ref=main inner_html=html></main> }
        .into_any()
}
