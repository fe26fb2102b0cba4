//! A Figure: a canvas CSS-sized to the figure, repainted when anything it shows changes.

use leptos::html;
use leptos::prelude::*;

use crate::document::AnyId;
use crate::models::{Figure, GlyphRenderer, LegendClickPolicy, Title};

use super::canvas::{css_size, device_pixel_ratio, Painter};
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
                .and_then(|t| d.get(t, Title::TEXT).as_plain().map(str::to_owned))
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
    let on_resize = window_event_listener(leptos::ev::resize, {
        let painter = painter.clone();
        move |_| {
            if let Some(canvas) = canvas.get_untracked() {
                if painter.density_changed(&canvas) {
                    painter.request(canvas);
                }
            }
        }
    });
    on_cleanup(move || on_resize.remove());
    // A click on a legend entry hides or mutes its renderers (the legend's click policy),
    // as BokehJS's legend does.
    let on_click = {
        let painter = painter.clone();
        move |ev: leptos::ev::MouseEvent| {
            let Some(layout) = painter.last_layout() else {
                return;
            };
            let dpr = device_pixel_ratio();
            let at = (
                f64::from(ev.offset_x()) * dpr,
                f64::from(ev.offset_y()) * dpr,
            );
            let Some(hit) = layout.legend_item_at(at).cloned() else {
                return;
            };
            page.update(|d| {
                for any in &hit.renderers {
                    let Some(r) = d.typed_id::<GlyphRenderer>(&d.model_id(*any).clone()) else {
                        continue;
                    };
                    let result = match hit.policy {
                        LegendClickPolicy::Hide => {
                            let v = d.get(r, GlyphRenderer::VISIBLE);
                            d.set(r, GlyphRenderer::VISIBLE, !v)
                        }
                        LegendClickPolicy::Mute => {
                            let m = d.get(r, GlyphRenderer::MUTED);
                            d.set(r, GlyphRenderer::MUTED, !m)
                        }
                        LegendClickPolicy::None => Ok(()),
                    };
                    if let Err(e) = result {
                        web_sys::console::error_1(&format!("rokeh: legend click: {e}").into());
                    }
                }
            });
        }
    };
    view! {
        <canvas
            node_ref=canvas
            on:click=on_click
            class="rk-figure"
            role="img"
            aria-label=title
            style:width=move || format!("{}px", size.get().0)
            style:height=move || format!("{}px", size.get().1)
        ></canvas>
    }
    .into_any()
}
