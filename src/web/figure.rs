//! A Figure: a canvas CSS-sized to the figure, repainted when anything it shows changes.
//! A figure that stretches or scales (`sizing_mode`, width/height policies) takes its
//! box's size instead, measured as the box changes (the window resized, a panel shown).

use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;

use crate::document::{AnyId, Document, Id, Value};
use crate::models::{Figure, GlyphRenderer, LegendClickPolicy, Title};

use super::canvas::{css_size, device_pixel_ratio, Painter};
use super::element::{Aspect, Enclosing, Sizing};
use super::grid_toolbar::GridTools;
use super::page::Page;
use super::resize::SizeObserver;
use super::toolbar::{self, Interaction};

/// Whether the figure sets a frame size (then its own size follows its axes and title).
fn fixed_frame(doc: &Document, figure: Id<Figure>) -> bool {
    ["frame_width", "frame_height"].iter().any(|attr| {
        doc.get_attr(figure.any(), attr)
            .is_ok_and(|v| v != Value::Null)
    })
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    let Some(figure) = page.typed::<Figure>(model) else {
        return ().into_any();
    };
    // The figure's own box sizing (its box tells what is inside it).
    let sizing = Enclosing::current().sizing;
    let model_size = Memo::new(move |_| {
        page.track(model);
        page.read(|d| {
            // A fixed frame's figure is as big as all it shows around the frame needs.
            if fixed_frame(d, figure) {
                page.track_shown(model);
            }
            css_size(d, figure)
        })
    });
    let title = Memo::new(move |_| {
        page.track(model);
        page.read(|d| {
            let title = d.get(figure, Figure::TITLE)?;
            page.track(title.any());
            d.get(title, Title::TEXT).as_plain().map(str::to_owned)
        })
        .unwrap_or_default()
    });
    let measured = RwSignal::new(None::<(u32, u32)>);
    let follows = Memo::new(move |_| sizing.with(Sizing::follows_box));
    // A memo, not a derived signal: each paint reads it, most paints with nothing changed.
    let size = Memo::new(move |_| {
        let (fw, fh) = follows.get();
        let (w, h) = model_size.get();
        match measured.get() {
            Some((mw, mh)) => (if fw { mw } else { w }, if fh { mh } else { h }),
            None => (w, h),
        }
    });
    let canvas = NodeRef::<html::Canvas>::new();
    let interaction = Interaction::new(page, figure);
    GridTools::join(&interaction);
    // Callbacks' code may find the figure's view (`cb_context.index.get_one(plot)`).
    if super::callbacks::shown() {
        let reset = interaction.clone();
        super::callbacks::show_figure(model, Rc::new(move || reset.reset()));
        on_cleanup(move || super::callbacks::hide_figure(model));
    }
    let painter = Painter::new(page, figure, size, interaction.clone());
    // The canvas is outside Leptos' view of the world: this effect is the bridge.
    let repaint = interaction.repaint;
    Effect::new({
        let painter = painter.clone();
        move || {
            page.track_shown(model);
            size.track();
            repaint.track();
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
    // A PolySelectTool closes its polygon on Enter and drops it on Escape, as BokehJS's
    // does from wherever the keyboard is.
    let on_key = window_event_listener(leptos::ev::keyup, {
        let interaction = interaction.clone();
        move |ev| interaction.key_up(&ev)
    });
    on_cleanup(move || on_key.remove());
    // A click on a legend entry hides or mutes its renderers (the legend's click policy),
    // as BokehJS's legend does.
    let on_click = {
        let painter = painter.clone();
        let interaction = interaction.clone();
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
                // Not a legend entry: a tap for the tools.
                interaction.tap(&ev);
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
    // A stretching canvas is sized by CSS; its size in pixels comes from observing it.
    Effect::new(move || {
        let (fw, fh) = follows.get();
        if !(fw || fh) {
            return;
        }
        if let Some(canvas) = canvas.get() {
            SizeObserver::for_owner(&canvas, measured);
        }
    });
    let style = move || {
        let (fw, fh) = follows.get();
        let (w, h) = model_size.get();
        let aspect = sizing.with(|s| s.aspect) != Aspect::Free;
        let side = |follows: bool, px: u32| {
            if follows {
                "100%".to_owned()
            } else {
                format!("{px}px")
            }
        };
        if aspect && (fw || fh) {
            let (width, height) = if fw {
                ("100%".to_owned(), "auto".to_owned())
            } else {
                ("auto".to_owned(), "100%".to_owned())
            };
            format!("width: {width}; height: {height}; aspect-ratio: {w} / {h};")
        } else {
            format!("width: {}; height: {};", side(fw, w), side(fh, h))
        }
    };
    let place = page.read(|d| {
        let shown = d.get(figure, Figure::TOOLBAR).is_some();
        d.get(figure, Figure::TOOLBAR_LOCATION).filter(|_| shown)
    });
    // Toolbar `autohide`: the toolbar shows only while the pointer is over the plot, as
    // BokehJS's shows on the plot's mouseenter and hides on its mouseleave.
    let pointer_over = RwSignal::new(false);
    let autohide = Memo::new(move |_| {
        page.track(model);
        page.read(|d| {
            let toolbar = d.get(figure, Figure::TOOLBAR)?;
            page.track(toolbar);
            d.get_attr(toolbar, "autohide").ok()?.as_bool()
        })
        .unwrap_or(false)
    });
    let hidden = Signal::derive(move || autohide.get() && !pointer_over.get());
    let bar = place.map(|p| toolbar::view(interaction.clone(), p, canvas, hidden));
    let wrapper_style = move || {
        let (fw, fh) = follows.get();
        let mut s = String::new();
        if fw {
            s.push_str("width: 100%;");
        }
        if fh {
            s.push_str("height: 100%;");
        }
        s
    };
    // What the tools draw over the canvas: boxes, crosshairs, tooltips.
    let marks = interaction.marks();
    let (enter, down, moved, up, cancel, wheel, leave, double) = (
        interaction.clone(),
        interaction.clone(),
        interaction.clone(),
        interaction.clone(),
        interaction.clone(),
        interaction.clone(),
        interaction.clone(),
        interaction,
    );
    view! {
        <div
            class="rk-plot"
            style=wrapper_style
            on:pointerenter=move |_| pointer_over.set(true)
            on:pointerleave=move |_| pointer_over.set(false)
        >
            <canvas
                node_ref=canvas
                on:click=on_click
                on:dblclick=move |ev| double.double_tap(&ev)
                on:pointerenter=move |ev| enter.pointer_enter(&ev)
                on:pointerdown=move |ev| down.pointer_down(&ev)
                on:pointermove=move |ev| moved.pointer_move(&ev)
                on:pointerup=move |ev| up.pointer_up(&ev)
                on:pointercancel=move |ev| cancel.pointer_up(&ev)
                on:wheel=move |ev| wheel.wheel(&ev)
                on:pointerleave=move |ev| leave.pointer_leave(&ev)
                class="rk-figure"
                role="img"
                aria-label=title
                style=style
            ></canvas>
            {marks}
            {bar}
        </div>
    }
    .into_any()
}
