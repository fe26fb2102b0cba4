//! A Figure: a canvas CSS-sized to the figure, repainted when anything it shows changes.

use leptos::html;
use leptos::prelude::*;

use crate::document::AnyId;
use crate::models::{Figure, Title};

use super::canvas::{css_size, Painter};
use super::page::Page;

pub fn view(page: Page, model: AnyId) -> AnyView {
    let Some(figure) = page.typed::<Figure>(model) else {
        return ().into_any();
    };
    // The page bumps a figure's revision for changes to anything it shows.
    let size = Memo::new(move |_| {
        page.track(model);
        page.read(|d| css_size(d, figure))
    });
    let title = Memo::new(move |_| {
        page.track(model);
        page.read(|d| {
            d.get(figure, Figure::TITLE)
                .map(|t| d.get(t, Title::TEXT))
                .unwrap_or_default()
        })
    });
    let canvas = NodeRef::<html::Canvas>::new();
    let painter = Painter::new(page, figure);
    // The canvas is outside Leptos' view of the world: this effect is the bridge.
    Effect::new({
        let painter = painter.clone();
        move || {
            page.track(model);
            if let Some(canvas) = canvas.get() {
                painter.request(canvas);
            }
        }
    });
    // Browser zoom changes devicePixelRatio and fires `resize`.
    let on_resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(canvas) = canvas.get_untracked() {
            if painter.density_changed(&canvas) {
                painter.request(canvas);
            }
        }
    });
    on_cleanup(move || on_resize.remove());
    view! {
        <canvas
            node_ref=canvas
            class="rk-figure"
            role="img"
            aria-label=title
            style:width=move || format!("{}px", size.get().0)
            style:height=move || format!("{}px", size.get().1)
        ></canvas>
    }
    .into_any()
}
