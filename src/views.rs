//! The page's views of Bokeh's widget models, so that a page pays only for the widgets it
//! shows, as a Bokeh page loads `bokeh-widgets.js` and `bokeh-tables.js` only when it has
//! widgets or tables. [`crate::run`] builds every view into the page;
//! [`crate::run_with_widgets`] builds only those it is given (the sliders page's wasm is a
//! quarter smaller with its two). Layouts and figures are always there. A model whose view
//! the page was built without is left out of it, with a warning in the console.
//!
//! ```no_run
//! # fn sliders(doc: &mut rokeh::Document) {}
//! use rokeh::{views, App};
//!
//! fn main() {
//!     let apps = vec![App::new("sliders", sliders)];
//!     rokeh::run_with_widgets(&[views::SLIDER, views::TEXT_INPUT], apps);
//! }
//! ```

/// The page's view of one widget model type. Natively it is only a name: the server shows
/// nothing.
#[derive(Clone, Copy, Debug)]
pub struct WidgetView {
    pub(crate) name: &'static str,
    #[cfg(target_arch = "wasm32")]
    pub(crate) view: crate::web::Component,
}

impl WidgetView {
    /// The Bokeh type name of the models it shows.
    pub fn type_name(&self) -> &'static str {
        self.name
    }
}

macro_rules! widget_views {
    ($($konst:ident: $name:literal => $view:path,)*) => {
        $(
            #[doc = concat!("The view of Bokeh's `", $name, "`.")]
            pub const $konst: WidgetView = WidgetView {
                name: $name,
                #[cfg(target_arch = "wasm32")]
                view: $view,
            };
        )*
        /// Every widget view rokeh has: what [`crate::run`] builds into the page.
        pub const ALL: &[WidgetView] = &[$($konst),*];
    };
}

widget_views! {
    BUTTON: "Button" => crate::web::widgets::button::button,
    TOGGLE: "Toggle" => crate::web::widgets::button::toggle,
    DROPDOWN: "Dropdown" => crate::web::widgets::dropdown::view,
    TEXT_INPUT: "TextInput" => crate::web::widgets::text_input::text_input,
    PASSWORD_INPUT: "PasswordInput" => crate::web::widgets::text_input::password_input,
    TEXT_AREA_INPUT: "TextAreaInput" => crate::web::widgets::text_input::text_area_input,
    AUTOCOMPLETE_INPUT: "AutocompleteInput" => crate::web::widgets::autocomplete::view,
    NUMERIC_INPUT: "NumericInput" => crate::web::widgets::numeric_input::numeric_input,
    SPINNER: "Spinner" => crate::web::widgets::numeric_input::spinner,
    SELECT: "Select" => crate::web::widgets::select::select,
    MULTI_SELECT: "MultiSelect" => crate::web::widgets::select::multi_select,
    MULTI_CHOICE: "MultiChoice" => crate::web::widgets::multi_choice::view,
    CHECKBOX_GROUP: "CheckboxGroup" => crate::web::widgets::groups::checkbox_group,
    RADIO_GROUP: "RadioGroup" => crate::web::widgets::groups::radio_group,
    CHECKBOX_BUTTON_GROUP: "CheckboxButtonGroup"
        => crate::web::widgets::button_groups::checkbox_button_group,
    RADIO_BUTTON_GROUP: "RadioButtonGroup"
        => crate::web::widgets::button_groups::radio_button_group,
    SWITCH: "Switch" => crate::web::widgets::switch::view,
    SLIDER: "Slider" => crate::web::widgets::slider::slider,
    DATE_SLIDER: "DateSlider" => crate::web::widgets::slider::date_slider,
    RANGE_SLIDER: "RangeSlider" => crate::web::widgets::range_slider::range_slider,
    DATE_RANGE_SLIDER: "DateRangeSlider"
        => crate::web::widgets::range_slider::date_range_slider,
    DATETIME_RANGE_SLIDER: "DatetimeRangeSlider"
        => crate::web::widgets::range_slider::datetime_range_slider,
    DATE_PICKER: "DatePicker" => crate::web::widgets::date_picker::view,
    COLOR_PICKER: "ColorPicker" => crate::web::widgets::color_picker::view,
    FILE_INPUT: "FileInput" => crate::web::widgets::file_input::view,
    DIV: "Div" => crate::web::widgets::markup::div,
    PARAGRAPH: "Paragraph" => crate::web::widgets::markup::paragraph,
    PRE_TEXT: "PreText" => crate::web::widgets::markup::pre_text,
    DATA_TABLE: "DataTable" => crate::web::table::view,
}
