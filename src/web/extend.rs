//! Views of model types of one's own: what a crate outside rokeh writes to show its own
//! [`model!`](crate::model) type in the page, as Bokeh's custom extensions pair a Python
//! model with a BokehJS view (`__implementation__`).
//!
//! See [`ModelHandle`].

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

use crate::core::{AnyId, Id, ModelType, Prop, PropType};
use crate::document::Document;

use super::page::Page;
use super::resize::SizeObserver;

/// What shows a model of one's own type: its view, built once per model shown.
pub type ShowModel = fn(ModelHandle) -> AnyView;

/// The model a view of one's own shows, and the page's document it is in: a `Copy`
/// handle, usable in the view's closures and reactive scopes.
///
/// A view is a function from a [`ModelHandle`] to a Leptos view, made a
/// [`View`](crate::views::View) with [`custom_view!`](crate::custom_view) and handed to
/// [`crate::run_extended`] (beside all of rokeh's views) or listed with rokeh's in
/// [`crate::run_with_views`]. The page puts it in its model's box, sized and laid out in
/// rows and columns as rokeh's own views are (the model's LayoutDOM properties, when it
/// `extends = "LayoutDOM"`). Reading the document through the handle inside a reactive
/// scope ([`ModelHandle::watch`], or [`ModelHandle::track`] then [`ModelHandle::read`])
/// subscribes that scope to the model shown and the models it is told to track, so the
/// view follows their changes, whoever made them (the app, a peer of the session, a
/// user's edit); [`ModelHandle::set`] is a user's edit. [`canvas`] is a canvas in the
/// model's box, repainted as what its painter reads changes.
///
/// ```ignore
/// use leptos::prelude::*;
/// use rokeh::web::ModelHandle;
///
/// rokeh::model! {
///     /// A counter of one's own: a button that counts its clicks.
///     pub struct Counter("Counter") {
///         count: i64 = 0,
///     }
///     extends = "LayoutDOM";
/// }
///
/// fn counter_view(model: ModelHandle) -> AnyView {
///     let Some(id) = model.typed::<Counter>() else {
///         return ().into_any();
///     };
///     let count = model.watch(move |doc, _| doc.get(id, Counter::COUNT));
///     let click = move |_| model.set(id, Counter::COUNT, count.get_untracked() + 1);
///     view! { <button on:click=click>{move || count.get()}</button> }.into_any()
/// }
///
/// const COUNTER: rokeh::views::View = rokeh::custom_view!(Counter => counter_view);
/// ```
#[derive(Clone, Copy)]
pub struct ModelHandle {
    page: Page,
    model: AnyId,
}

impl ModelHandle {
    pub(crate) fn new(page: Page, model: AnyId) -> ModelHandle {
        ModelHandle { page, model }
    }

    /// The model shown.
    pub fn id(&self) -> AnyId {
        self.model
    }

    /// The model's typed handle, if it is an `M` (the type the view was made for).
    pub fn typed<M: ModelType>(&self) -> Option<Id<M>> {
        self.page.typed(self.model)
    }

    /// Reads the document, without subscribing to anything.
    pub fn read<R>(&self, f: impl FnOnce(&Document) -> R) -> R {
        self.page.read(f)
    }

    /// Subscribes the current reactive scope to changes of `model`'s properties (the
    /// model shown, or one it refers to: a data source's columns are its properties).
    pub fn track(&self, model: AnyId) {
        self.page.track(model);
    }

    /// What `read` says, kept up to date: a memo that follows the model shown and every
    /// model `read` is given to `track` (its data source), and changes only when the
    /// value does.
    pub fn watch<T>(
        &self,
        read: impl Fn(&Document, &dyn Fn(AnyId)) -> T + Send + Sync + 'static,
    ) -> Memo<T>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        let handle = *self;
        Memo::new(move |_| {
            handle.track(handle.model);
            // The models `read` reaches are tracked after the read: tracking subscribes
            // to a revision signal, which must not happen while the document is borrowed.
            let reached = std::cell::RefCell::new(Vec::new());
            let value = handle.read(|doc| read(doc, &|model| reached.borrow_mut().push(model)));
            for model in reached.into_inner() {
                handle.track(model);
            }
            value
        })
    }

    /// Sets a property as a user's edit does: the app's callbacks on it run, and a served
    /// page sends it to its session. A value the document refuses changes nothing and is
    /// reported on the console.
    pub fn set<M: ModelType, T: PropType>(&self, model: Id<M>, prop: Prop<M, T>, value: T) {
        if let Err(e) = self.page.update(|doc| doc.set(model, prop, value)) {
            let message = format!("rokeh: setting {}: {e}", prop.name);
            web_sys::console::error_1(&message.into());
        }
    }

    /// The element id rokeh gives the model's control (for a label's `for`).
    pub fn element_id(&self) -> String {
        self.page.element_id(self.model)
    }
}

/// A canvas filling the element it is put in (the model's box, or an element of the
/// view's), painted by `paint` with its 2D context and its size in CSS pixels, at the
/// screen's pixel density (the context is scaled: `paint` draws in CSS pixels). It is
/// painted again, at once, whenever something `paint` read reactively changes (a
/// [`ModelHandle::watch`] memo, a signal of the view's own), and when the canvas' size
/// changes (a box that stretches). `class` is the canvas' CSS class, for the view's
/// styles and tests.
pub fn canvas(
    class: &'static str,
    paint: impl Fn(&CanvasRenderingContext2d, f64, f64) + 'static,
) -> AnyView {
    let node = NodeRef::<html::Canvas>::new();
    let measured = RwSignal::new(None);
    // Watched from when the canvas is there for as long as the view lives: this effect
    // reads nothing else, so it runs once more, when the canvas comes.
    Effect::new(move || {
        if let Some(canvas) = node.get() {
            SizeObserver::for_owner(&canvas, measured);
        }
    });
    // The canvas is outside the reactive system: an effect paints it.
    Effect::new(move || {
        measured.track();
        let Some(canvas) = node.get() else {
            return;
        };
        let (width, height) = (canvas.client_width(), canvas.client_height());
        let scale = window().device_pixel_ratio();
        let backing = |css: i32| (f64::from(css.max(1)) * scale).round() as u32;
        if canvas.width() != backing(width) || canvas.height() != backing(height) {
            canvas.set_width(backing(width));
            canvas.set_height(backing(height));
        }
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        let Some(context) = context else {
            web_sys::console::error_1(&"rokeh: the canvas has no 2d context".into());
            return;
        };
        // A paint starts from a cleared canvas with nothing else set but the scale.
        let _ = context.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
        context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
        paint(&context, f64::from(width), f64::from(height));
    });
    view! {
        <canvas node_ref=node class=class style="display: block; width: 100%; height: 100%;">
        </canvas>
    }
    .into_any()
}
