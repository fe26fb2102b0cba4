//! Which component shows which model type, each in its box (see [`element`]), and the
//! flex layouts Row and Column; GridBox, GridPlot and Tabs have modules of their own and
//! are views (see [`crate::views`]).

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

use crate::core::{AnyId, PropType};

use super::bind::{self, bind, Writer};
use super::element::{self, Enclosing, Flow};
use super::extend::{ModelHandle, ShowModel};
use super::figure;
use super::page::Page;
use crate::views::{Shows, View};

/// The view of a model type: what shows a model of it in the page.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Component {
    /// One of rokeh's.
    Rokeh(fn(Page, AnyId) -> AnyView),
    /// A crate's own (see [`super::extend`]).
    Own(ShowModel),
}

impl Component {
    /// `model`'s view.
    pub(crate) fn show(self, page: Page, model: AnyId) -> AnyView {
        match self {
            Component::Rokeh(view) => view(page, model),
            Component::Own(view) => view(ModelHandle::new(page, model)),
        }
    }
}

/// Bokeh type name → component, for the types every page shows; widgets, grids and tabs
/// are the ones the page was built with (see [`crate::views`]).
const LAYOUTS: &[(&str, Component)] = &[
    ("Row", Component::Rokeh(row)),
    ("Column", Component::Rokeh(column)),
    ("Spacer", Component::Rokeh(spacer)),
    ("Figure", Component::Rokeh(figure::view)),
    // bokeh.models' Plot: the same model as a Figure.
    ("Plot", Component::Rokeh(figure::view)),
];

thread_local! {
    static VIEWS: Cell<&'static [View]> = const { Cell::new(&[]) };
}

/// Builds the components of `views` into the page: what [`model_view`] shows besides
/// rows, columns, spacers and figures.
pub(crate) fn show_components(views: &'static [View]) {
    VIEWS.set(views);
}

/// The component that shows models of type `type_name`, if the page has it.
pub(crate) fn component(type_name: &str) -> Option<Component> {
    let layout = LAYOUTS.iter().find(|(name, _)| *name == type_name);
    let widget = || {
        VIEWS.get().iter().find_map(|v| match v.shows {
            Shows::Component(view) if v.name == type_name => Some(view),
            _ => None,
        })
    };
    layout.map(|&(_, component)| component).or_else(widget)
}

/// A model shown by its type's component, in its box. Each model gets a reactive owner
/// of its own, so what it tells its children (see [`Enclosing`]) reaches only them.
pub fn model_view(page: Page, model: AnyId) -> AnyView {
    let Some(type_name) = page.read(|d| d.try_model(model).map(|m| m.type_name.clone())) else {
        return ().into_any();
    };
    let Some(component) = component(&type_name) else {
        return left_out(type_name);
    };
    let owner = Owner::new();
    let view =
        owner.with(|| element::boxed(page, model, &type_name, || component.show(page, model)));
    OwnedView::new_with_owner(view, owner).into_any()
}

/// A model of type `type_name`, which the page has no view of: left out, with a warning.
pub(crate) fn left_out(type_name: String) -> AnyView {
    let message =
        format!("rokeh: this page has no view of {type_name} (see rokeh::views); it is left out");
    web_sys::console::warn_1(&message.into());
    view! { <div hidden data-model-type=type_name></div> }.into_any()
}

/// `models`, each by [`model_view`], keyed: a change builds only the ones that are new.
/// The document's roots and every layout's children share it (one copy of Leptos' keyed
/// list in the page's code).
pub fn keyed(page: Page, models: Memo<Vec<AnyId>>) -> impl IntoView {
    view! {
        <For each=move || models.get() key=|model| *model let:model>
            {model_view(page, model)}
        </For>
    }
}

/// The model references in `attr` of `model`, kept up to date (a layout's children).
pub fn children(page: Page, model: AnyId, attr: &'static str) -> Memo<Vec<AnyId>> {
    page.watch(model, move |d| {
        d.get_attr(model, attr)
            .ok()
            .and_then(|v| Vec::<AnyId>::from_value(&v, d))
            .unwrap_or_default()
    })
}

fn row(page: Page, model: AnyId) -> AnyView {
    flex(page, model, Flow::Row)
}

fn column(page: Page, model: AnyId) -> AnyView {
    flex(page, model, Flow::Column)
}

/// A Row's or Column's children in a flex box, `spacing` apart; keyed, so a change of
/// `children` builds only the children that are new.
fn flex(page: Page, model: AnyId, flow: Flow) -> AnyView {
    Enclosing::provide_for_children(flow);
    let children = children(page, model, "children");
    let gap: Writer = Rc::new(move |el| {
        page.track(model);
        let spacing = page.read(|d| d.get_attr(model, "spacing").ok().and_then(|v| v.as_f64()));
        bind::attr(
            el,
            "style",
            Some(&format!("gap: {}px;", spacing.unwrap_or(0.0))),
        );
    });
    let class = match flow {
        Flow::Row => "rk-row",
        _ => "rk-column",
    };
    view! {
        <div class=class use:bind=gap>
            {keyed(page, children)}
        </div>
    }
    .into_any()
}

/// Empty space: its box is all there is.
fn spacer(_: Page, _: AnyId) -> AnyView {
    ().into_any()
}
