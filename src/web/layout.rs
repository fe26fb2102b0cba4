//! Which component shows which model type, each in its box (see [`element`]), and the
//! flex layouts Row and Column; GridBox and Tabs have modules of their own.

use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

use crate::core::{AnyId, PropType};

use super::element::{self, Enclosing, Flow};
use super::page::Page;
use super::table;
use super::widgets::{
    autocomplete, button, button_groups, color_picker, date_picker, dropdown, file_input, groups,
    markup, multi_choice, numeric_input, range_slider, select, slider, switch, text_input,
};
use super::{figure, grid, tabs};

type Component = fn(Page, AnyId) -> AnyView;

/// Bokeh type name → component. Types not listed render as an empty, hidden element.
const COMPONENTS: &[(&str, Component)] = &[
    ("Row", row),
    ("Column", column),
    ("GridBox", grid::view),
    ("GridPlot", grid::view),
    ("Tabs", tabs::view),
    ("Spacer", spacer),
    ("Figure", figure::view),
    ("Button", button::button),
    ("Toggle", button::toggle),
    ("Dropdown", dropdown::view),
    ("TextInput", text_input::text_input),
    ("PasswordInput", text_input::password_input),
    ("TextAreaInput", text_input::text_area_input),
    ("AutocompleteInput", autocomplete::view),
    ("NumericInput", numeric_input::numeric_input),
    ("Spinner", numeric_input::spinner),
    ("Select", select::select),
    ("MultiSelect", select::multi_select),
    ("MultiChoice", multi_choice::view),
    ("CheckboxGroup", groups::checkbox_group),
    ("RadioGroup", groups::radio_group),
    ("CheckboxButtonGroup", button_groups::checkbox_button_group),
    ("RadioButtonGroup", button_groups::radio_button_group),
    ("Switch", switch::view),
    ("Slider", slider::slider),
    ("DateSlider", slider::date_slider),
    ("RangeSlider", range_slider::range_slider),
    ("DateRangeSlider", range_slider::date_range_slider),
    ("DatetimeRangeSlider", range_slider::datetime_range_slider),
    ("DatePicker", date_picker::view),
    ("ColorPicker", color_picker::view),
    ("FileInput", file_input::view),
    ("Div", markup::div),
    ("Paragraph", markup::paragraph),
    ("PreText", markup::pre_text),
    ("DataTable", table::view),
];

/// A model shown by its type's component, in its box. Each model gets a reactive owner
/// of its own, so what it tells its children (see [`Enclosing`]) reaches only them.
pub fn model_view(page: Page, model: AnyId) -> AnyView {
    let Some(type_name) = page.read(|d| d.try_model(model).map(|m| m.type_name.clone())) else {
        return ().into_any();
    };
    let Some(&(_, component)) = COMPONENTS.iter().find(|(name, _)| *name == type_name) else {
        return view! { <div hidden data-model-type=type_name></div> }.into_any();
    };
    let owner = Owner::new();
    let view = owner.with(|| element::boxed(page, model, &type_name, || component(page, model)));
    OwnedView::new_with_owner(view, owner).into_any()
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
    let gap = page.watch(model, move |d| {
        d.get_attr(model, "spacing")
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    });
    let class = match flow {
        Flow::Row => "rk-row",
        _ => "rk-column",
    };
    view! {
        <div class=class style:gap=move || format!("{}px", gap.get())>
            <For each=move || children.get() key=|child| *child let:child>
                {model_view(page, child)}
            </For>
        </div>
    }
    .into_any()
}

/// Empty space: its box is all there is.
fn spacer(_: Page, _: AnyId) -> AnyView {
    ().into_any()
}
