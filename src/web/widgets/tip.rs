//! A Tooltip model as the widgets show it: the HelpButton's tooltip, and an input's
//! `description` (`views::TOOLTIP`: a help icon and its tooltip). Shown while the pointer is over (or focus is on)
//! what it describes, kept open by a click until another click or Escape, as BokehJS's;
//! that it is open is the page's own state, not the document's. Its content may be
//! Bokeh's DOM models, written as the hover tooltips write them (as a button's label).

use leptos::prelude::*;

use crate::core::AnyId;

use super::super::page::Page;
use super::control::{watch, HELP_ICON};

/// Tooltip `tooltip`'s content (its text, or the HTML of its DOM models), kept up to date.
pub fn content(page: Page, tooltip: AnyId) -> impl IntoView {
    let content = watch(page, tooltip, |a| a.markup("content"));
    view! { <div inner_html=move || content.get()></div> }
}

/// Tooltip `tooltip` as an input's `description` (`views::TOOLTIP`): BokehJS's help icon,
/// its content shown while the icon is hovered or focused, kept by a click.
pub fn view(page: Page, tooltip: AnyId) -> AnyView {
    let opener = Opener {
        id: None,
        class: "rk-description",
        button_class: "rk-description-button",
        name: "Description",
        tip_id: format!("{}-tip", page.element_id(tooltip)),
        disabled: Signal::derive(|| false),
    };
    let face = view! { <span class="rk-description-icon" inner_html=HELP_ICON></span> };
    opener.view(face, content(page, tooltip)).into_any()
}

/// What opens a tooltip (a HelpButton, a description's icon): a button that opens it
/// while hovered or focused, keeps it open by a click, closes it on Escape; the tooltip
/// beside it, both in a span of `class`.
pub struct Opener {
    pub id: Option<String>,
    pub class: &'static str,
    pub button_class: &'static str,
    /// The button's accessible name.
    pub name: &'static str,
    /// The tooltip's id: the button's description (`aria-describedby`).
    pub tip_id: String,
    pub disabled: Signal<bool>,
}

impl Opener {
    /// The button showing `face`, and the tooltip showing `content`.
    pub fn view(self, face: impl IntoView, content: impl IntoView) -> impl IntoView {
        let shown = Shown::new();
        view! {
            <span class=self.class>
                <button
                    type="button"
                    id=self.id
                    class=self.button_class
                    aria-label=self.name
                    aria-describedby=self.tip_id.clone()
                    aria-expanded=move || shown.open().to_string()
                    disabled=self.disabled
                    on:mouseenter=move |_| shown.hovered.set(true)
                    on:mouseleave=move |_| shown.hovered.set(false)
                    on:focus=move |_| shown.hovered.set(true)
                    on:blur=move |_| shown.hovered.set(false)
                    on:click=move |_| shown.pinned.update(|p| *p = !*p)
                    on:keydown=move |ev| shown.key(&ev)
                >
                    {face}
                </button>
                <div role="tooltip" id=self.tip_id class="rk-tooltip" hidden=move || !shown.open()>
                    {content}
                </div>
            </span>
        }
    }
}

/// Whether a tooltip is open: hovered (or focused), or pinned by a click.
#[derive(Clone, Copy)]
struct Shown {
    hovered: RwSignal<bool>,
    pinned: RwSignal<bool>,
}

impl Shown {
    fn new() -> Shown {
        Shown {
            hovered: RwSignal::new(false),
            pinned: RwSignal::new(false),
        }
    }

    fn open(self) -> bool {
        self.hovered.get() || self.pinned.get()
    }

    /// Escape closes it.
    fn key(self, ev: &leptos::ev::KeyboardEvent) {
        if ev.key() == "Escape" {
            self.hovered.set(false);
            self.pinned.set(false);
        }
    }
}
