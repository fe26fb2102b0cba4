//! HelpButton: a "?" button (its icon and `label`, if it has them) and its Tooltip's content,
//! shown as BokehJS shows it (`tip`): while the pointer is over the button (here also
//! while it has focus), kept open by a click. The tooltip is the button's description
//! (`aria-describedby`).

use leptos::prelude::*;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::{face, watch, HELP_ICON};
use super::tip::{self, Opener};

pub fn view(page: Page, model: AnyId) -> AnyView {
    let face = face(page, model);
    let tooltip = watch(page, model, |a| match a.value("tooltip") {
        Value::Ref(id) => a.doc.lookup(&id),
        _ => None,
    });
    let id = page.element_id(model);
    let opener = Opener {
        tip_id: format!("{id}-tooltip"),
        id: Some(id),
        class: "rk-help",
        button_class: "rk-button rk-help-button",
        name: "Help",
        disabled: element::disabled(),
    };
    // Its icon and label; BokehJS's help icon without either.
    let shown = move || {
        face.with(|l| {
            if l.is_empty() {
                view! { <span class="rk-help-icon" inner_html=HELP_ICON></span> }.into_any()
            } else {
                view! { <span inner_html=l.clone()></span> }.into_any()
            }
        })
    };
    let content = move || tooltip.get().map(|t| tip::content(page, t));
    opener.view(shown, content).into_any()
}
