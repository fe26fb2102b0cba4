//! Bokeh's `Dialog`: a window over the page, opened by an `OpenDialog` callback and closed
//! by its close button or a `CloseDialog` (`views::OPEN_DIALOG`, `views::CLOSE_DIALOG`).
//! As BokehJS's DialogView: it is built when first opened and placed over the page at the
//! same place and size (fixed, 200 px from the top left, 80 % of the window's width and
//! 60 % of its height), its title in a grey header beside a close button, its content
//! below (a model shown by its view, a DOM node or text); while open it shows as its
//! `visible` says (opening sets it); closing hides it (`close_action` "hide": `visible`
//! false) or lets it go ("destroy", the default). The last one opened or pressed is on
//! top. Its title bar moves it by dragging, as BokehJS's (`movable` not "none").
//!
//! A Dialog that is a root of the document opens whenever its `visible` is true (see
//! [`root`]). Each open dialog is mounted on its own into the body, as BokehJS renders it
//! there.
//! A dialog whose model the document no longer has (a document pushed in its place) is
//! let go. Not shown: pinning, collapsing, minimising, maximising and resizing by the
//! edges.

use std::cell::{Cell, RefCell};

use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::JsCast;

use super::dom;
use super::page::Page;
use super::widgets::control::Attrs;
use crate::core::{AnyId, Value};

/// Z-indices from here up, below BokehJS's top-level ones, as BokehJS stacks them.
const BASE_Z_INDEX: usize = 1000;

struct Open {
    dialog: AnyId,
    /// Its place in the stacking order (written as its z-index).
    order: RwSignal<usize>,
    _mounted: UnmountHandle<AnyViewState>,
}

thread_local! {
    /// The dialogs built, bottom first.
    static OPEN: RefCell<Vec<Open>> = const { RefCell::new(Vec::new()) };
    /// Whether the page lets go of dialogs its document no longer has.
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// `OpenDialog`: builds `dialog` if it is not, shows it (its `visible` set) on top.
pub(crate) fn open(page: Page, dialog: AnyId) -> Result<(), String> {
    build(page, dialog)?;
    to_front(dialog);
    page.update(|d| d.set_attr(dialog, "visible", Value::Bool(true)))
        .map_err(|e| e.to_string())
}

/// A Dialog that is a root of the document (Python's `doc.add_root(dialog)`): built and
/// put on top whenever its `visible` is true, as BokehJS renders a root dialog, so that a
/// callback that sets `visible` (`SetValue(dialog, "visible", True)`) opens it. Its place
/// in the layout shows nothing.
pub(crate) fn root(page: Page, dialog: AnyId) -> AnyView {
    let visible = page.watch(dialog, move |d| Attrs::new(d, dialog).flag("visible"));
    Effect::new(move || {
        if visible.get() {
            match build(page, dialog) {
                Ok(()) => to_front(dialog),
                Err(e) => web_sys::console::error_1(&format!("rokeh: a dialog: {e}").into()),
            }
        }
    });
    ().into_any()
}

/// Builds `dialog` into the page's body, unless it is built.
fn build(page: Page, dialog: AnyId) -> Result<(), String> {
    if OPEN.with_borrow(|open| open.iter().any(|o| o.dialog == dialog)) {
        return Ok(());
    }
    if !WATCHING.replace(true) {
        page.on_changes(move |_| let_go_of_gone(page));
    }
    let body = document().body().ok_or("the page has no body")?;
    let order = RwSignal::new(0);
    let mounted = leptos::mount::mount_to(body, move || view(page, dialog, order).into_any());
    OPEN.with_borrow_mut(|open| {
        open.push(Open {
            dialog,
            order,
            _mounted: mounted,
        })
    });
    Ok(())
}

/// `CloseDialog` or the close button: as its `close_action` says, hidden (`visible`
/// false) or let go.
pub(crate) fn close(page: Page, dialog: AnyId) -> Result<(), String> {
    let action = page.read(|d| Attrs::new(d, dialog).text("close_action"));
    if action == "hide" {
        return page
            .update(|d| d.set_attr(dialog, "visible", Value::Bool(false)))
            .map_err(|e| e.to_string());
    }
    // Unmounted once out of the list's borrow: its cleanup may look at the list.
    let gone = OPEN.with_borrow_mut(|open| {
        let at = open.iter().position(|o| o.dialog == dialog)?;
        Some(open.remove(at))
    });
    drop(gone);
    Ok(())
}

/// Unmounts the dialogs the document no longer has (a document pushed in its place, a
/// model removed), as their views would be let go in BokehJS.
fn let_go_of_gone(page: Page) {
    let gone: Vec<Open> = OPEN.with_borrow_mut(|open| {
        let (kept, gone) = std::mem::take(open)
            .into_iter()
            .partition(|o| page.read(|d| d.try_model(o.dialog).is_some()));
        *open = kept;
        gone
    });
    // Unmounted once out of the list's borrow, as `close` does.
    drop(gone);
}

/// Puts `dialog` on top of the others.
fn to_front(dialog: AnyId) {
    OPEN.with_borrow_mut(|open| {
        if let Some(at) = open.iter().position(|o| o.dialog == dialog) {
            let it = open.remove(at);
            open.push(it);
        }
        for (i, o) in open.iter().enumerate() {
            if o.order.get_untracked() != i {
                o.order.set(i);
            }
        }
    });
}

/// A title or content, as a DOM element's child: text, a DOM node, or a model by its
/// view (built once, as BokehJS builds them).
fn part(page: Page, dialog: AnyId, name: &'static str) -> AnyView {
    let value = page.read(|d| Attrs::new(d, dialog).value(name));
    dom::child(page, value, 0)
}

fn view(page: Page, dialog: AnyId, order: RwSignal<usize>) -> impl IntoView {
    let shown = page.watch(dialog, move |d| {
        let a = Attrs::new(d, dialog);
        (a.flag("visible"), a.flag("closable"), a.text("movable"))
    });
    let name = page.watch(dialog, move |d| Attrs::new(d, dialog).text("title"));
    let offset = RwSignal::new((0.0, 0.0));
    let drag = StoredValue::new_local(None::<(f64, f64, (f64, f64))>);
    let style = move || {
        let (dx, dy) = offset.get();
        format!(
            "z-index: {}; translate: {dx}px {dy}px;",
            BASE_Z_INDEX + order.get()
        )
    };
    // Dragging the title moves it (along x, y or both, as `movable` says).
    let start = move |ev: web_sys::PointerEvent| {
        if shown.with_untracked(|s| s.2 == "none") {
            return;
        }
        ev.prevent_default();
        let el = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let Some(el) = el {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        drag.set_value(Some((at.0, at.1, offset.get_untracked())));
    };
    let moved = move |ev: web_sys::PointerEvent| {
        let Some((x0, y0, (dx, dy))) = drag.get_value() else {
            return;
        };
        let movable = shown.with_untracked(|s| s.2.clone());
        let mx = if movable == "y" {
            0.0
        } else {
            f64::from(ev.client_x()) - x0
        };
        let my = if movable == "x" {
            0.0
        } else {
            f64::from(ev.client_y()) - y0
        };
        offset.set((dx + mx, dy + my));
    };
    let end = move |_| drag.set_value(None);
    let title = part(page, dialog, "title");
    let content = part(page, dialog, "content");
    view! {
        <div
            class="rk-dialog"
            role="dialog"
            aria-label=move || name.get()
            hidden=move || !shown.with(|s| s.0)
            style=style
            on:pointerdown=move |_| to_front(dialog)
        >
            <div class="rk-dialog-header">
                <div
                    class="rk-dialog-title"
                    on:pointerdown=start
                    on:pointermove=moved
                    on:pointerup=end
                    on:pointercancel=end
                >
                    {title}
                </div>
                <button
                    type="button"
                    class="rk-dialog-close"
                    title="Close"
                    aria-label="Close"
                    hidden=move || !shown.with(|s| s.1)
                    on:click=move |_| {
                        if let Err(e) = close(page, dialog) {
                            web_sys::console::error_1(&format!("rokeh: closing a dialog: {e}").into());
                        }
                    }
                ></button>
            </div>
            <div class="rk-dialog-content">{content}</div>
        </div>
    }
}
