//! The components of Bokeh's widgets, one file per widget (or per family of widgets that
//! share their code), each a real form control with its ARIA role and an accessible name
//! from its title or labels, operable by keyboard. A component reads its model through
//! the page and subscribes to its revision; a user's edit sets the model's properties as
//! app code would (`Page::edit`), a UI event goes through `Page::trigger`. Their boxes
//! (size, visibility, classes, styles, inherited `disabled`) come from `element`.

pub mod autocomplete;
pub mod button;
pub mod button_groups;
pub mod color_picker;
pub mod control;
pub mod date_picker;
pub mod date_range_picker;
pub mod dropdown;
pub mod file_input;
pub mod groups;
pub mod help_button;
pub mod markup;
pub mod multi_choice;
pub mod multiple_date_picker;
pub mod numeric_input;
pub mod palette_select;
pub mod range_slider;
pub mod select;
pub mod slider;
pub mod text_input;
pub mod tip;
pub mod toggle_input;
