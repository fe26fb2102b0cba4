//! An app's template ([`crate::App::with_template`]): its HTML as the page's document,
//! each root it names mounted where it names it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::Place;
use crate::core::AnyId;
use crate::document::Value;

use super::layout;
use super::page::Page;

/// How the page shows an app's template (see [`view`]).
pub(crate) type ShowTemplate = fn(Page, &str, Memo<Vec<AnyId>>) -> AnyView;

/// The template `html` with each root it names in its place, once mounted (see
/// [`crate::app::template_slots`]).
pub(crate) fn view(page: Page, html: &str, roots: Memo<Vec<AnyId>>) -> AnyView {
    let (html, places) = crate::app::template_slots(html);
    let main = NodeRef::<leptos::html::Main>::new();
    // The places exist once the template's HTML is in the page: each root is mounted into
    // its own, under this owner (so its views find the page's contexts).
    Effect::new(move || {
        let Some(main) = main.get() else {
            return;
        };
        let named: Vec<String> = places
            .iter()
            .filter_map(|p| match p {
                Place::Root(name) => Some(name.clone()),
                Place::Rest => None,
            })
            .collect();
        for place in &places {
            let selector = match place {
                Place::Root(name) => format!(r#"[data-rk-root="{name}"]"#),
                Place::Rest => "[data-rk-root=\"\"]".to_owned(),
            };
            let Ok(Some(element)) = main.query_selector(&selector) else {
                continue;
            };
            let (place, named) = (place.clone(), named.clone());
            let shown = Memo::new(move |_| {
                let name_of = |d: &crate::Document, root: &AnyId| match d.get_attr(*root, "name") {
                    Ok(Value::Str(name)) => Some(name),
                    _ => None,
                };
                let here = |d: &crate::Document, root: &AnyId| match (&place, name_of(d, root)) {
                    (Place::Root(name), Some(n)) => *name == n,
                    (Place::Root(_), None) => false,
                    (Place::Rest, n) => n.is_none_or(|n| !named.contains(&n)),
                };
                let all = roots.get();
                page.read(|d| all.into_iter().filter(|r| here(d, r)).collect::<Vec<_>>())
            });
            leptos::mount::mount_to(element.unchecked_into(), move || layout::keyed(page, shown))
                .forget();
        }
    });
    view! { <main class="rk-document rk-templated" node_ref=main inner_html=html></main> }
        .into_any()
}
