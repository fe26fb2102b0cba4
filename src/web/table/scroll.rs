//! A table's scrolled body: only the rows in view (and a few around them) are in the page,
//! so a table of a hundred thousand rows scrolls as one of ten.

use std::ops::Range;

use leptos::html;
use leptos::prelude::*;

use super::super::resize::SizeObserver;

/// Rows drawn beyond each edge of the view, so a small scroll shows no gap.
pub const OVERSCAN: usize = 8;

/// The viewport's measured height in pixels, 300 until it is measured.
fn height(measured: Option<(u32, u32)>) -> f64 {
    measured.map_or(300.0, |(_, h)| f64::from(h))
}

/// The viewport over a table's rows and which of them are drawn now.
#[derive(Clone, Copy)]
pub struct Scroller {
    viewport: NodeRef<html::Div>,
    scroll_top: RwSignal<f64>,
    measured: RwSignal<Option<(u32, u32)>>,
    row_height: Signal<f64>,
    count: Signal<usize>,
    /// The positions (in the table's order) drawn now.
    pub window: Memo<Range<usize>>,
}

impl Scroller {
    /// A viewport over `count` rows of `row_height` pixels.
    pub fn new(count: Signal<usize>, row_height: Signal<f64>) -> Scroller {
        let viewport = NodeRef::<html::Div>::new();
        let scroll_top = RwSignal::new(0.0f64);
        let measured = RwSignal::new(None::<(u32, u32)>);
        Effect::new(move || {
            if let Some(el) = viewport.get() {
                SizeObserver::for_owner(&el, measured);
            }
        });
        let view_height = move || height(measured.get());
        let window = Memo::new(move |_| {
            let rh = row_height.get();
            let n = count.get();
            let first = ((scroll_top.get() / rh).floor() as usize).saturating_sub(OVERSCAN);
            let last =
                (((scroll_top.get() + view_height()) / rh).ceil() as usize + OVERSCAN).min(n);
            first.min(last)..last
        });
        Scroller {
            viewport,
            scroll_top,
            measured,
            row_height,
            count,
            window,
        }
    }

    /// The viewport's height in pixels (300 until it is measured).
    pub fn view_height(&self) -> f64 {
        height(self.measured.get())
    }

    /// Rows a page (PageUp, PageDown) moves by.
    pub fn page_rows(&self) -> usize {
        (self.view_height() / self.row_height.get_untracked())
            .floor()
            .max(1.0) as usize
    }

    /// Scrolls as little as shows the row at `pos` whole.
    pub fn scroll_to(&self, pos: usize) {
        let Some(el) = self.viewport.get_untracked() else {
            return;
        };
        let rh = self.row_height.get_untracked();
        let (top, bottom) = (pos as f64 * rh, (pos + 1) as f64 * rh);
        let (now, height) = (el.scroll_top() as f64, f64::from(el.client_height()));
        if top < now {
            el.set_scroll_top(top as i32);
        } else if bottom > now + height {
            el.set_scroll_top((bottom - height).ceil() as i32);
        }
    }

    /// The viewport holding `rows`, the rows of `window`, placed where they are in the
    /// whole.
    pub fn view(self, rows: impl IntoView + 'static) -> impl IntoView {
        let Scroller {
            viewport,
            scroll_top,
            row_height,
            count,
            window,
            ..
        } = self;
        view! {
            <div
                class="rk-table-viewport"
                node_ref=viewport
                on:scroll=move |_| {
                    if let Some(el) = viewport.get_untracked() {
                        scroll_top.set(f64::from(el.scroll_top()));
                    }
                }
            >
                <div
                    class="rk-table-spacer"
                    role="rowgroup"
                    style:height=move || format!("{}px", count.get() as f64 * row_height.get())
                >
                    <div
                        class="rk-table-rows"
                        style:transform=move || {
                            format!("translateY({}px)", window.get().start as f64 * row_height.get())
                        }
                    >
                        {rows}
                    </div>
                </div>
            </div>
        }
    }
}
