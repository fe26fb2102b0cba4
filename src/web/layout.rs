//! Which component shows which model type, and the layouts (Row, Column) that hold them.

use leptos::prelude::*;

use crate::document::{AnyId, Id};
use crate::models::{ModelType, PropValue};

use super::page::Page;
use super::{figure, slider, text_input};

type Component = fn(Page, AnyId) -> AnyView;

/// Bokeh type name → component. Types not listed render as an empty, hidden element.
const COMPONENTS: &[(&str, Component)] = &[
    ("Row", row),
    ("Column", column),
    ("Slider", slider::view),
    ("TextInput", text_input::view),
    ("Figure", figure::view),
];

pub fn model_view(page: Page, model: AnyId) -> AnyView {
    let type_name = page.read(|d| d.model(model).type_name.clone());
    match COMPONENTS.iter().find(|(name, _)| *name == type_name) {
        Some((_, component)) => component(page, model),
        None => view! { <div hidden data-model-type=type_name></div> }.into_any(),
    }
}

/// The typed handle of a model the table picked by its type name.
pub fn typed<M: ModelType>(page: Page, model: AnyId) -> Option<Id<M>> {
    page.read(|d| d.typed_id(d.model_id(model)))
}

/// The string property `attr` of a model, or "" when it is unset or null.
pub fn text_attr(page: Page, model: AnyId, attr: &str) -> String {
    page.read(|d| {
        d.get_attr(model, attr)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    })
}

fn row(page: Page, model: AnyId) -> AnyView {
    children_view(page, model, "rk-row")
}

fn column(page: Page, model: AnyId) -> AnyView {
    children_view(page, model, "rk-column")
}

/// A layout's children in a flex box whose direction `class` sets.
fn children_view(page: Page, model: AnyId, class: &'static str) -> AnyView {
    let children = Memo::new(move |_| {
        page.track(model);
        page.read(|d| {
            d.get_attr(model, "children")
                .ok()
                .and_then(|v| Vec::<AnyId>::from_value(&v, d))
                .unwrap_or_default()
        })
    });
    view! {
        <div class=class>
            {move || {
                children.get().into_iter().map(|child| model_view(page, child)).collect_view()
            }}
        </div>
    }
    .into_any()
}
