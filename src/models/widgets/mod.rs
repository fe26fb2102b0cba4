//! Widgets, split as Bokeh's `bokeh.models.widgets`: inputs, sliders and buttons.

pub(super) mod buttons;
pub(super) mod inputs;
pub(super) mod sliders;

pub use buttons::Button;
pub use inputs::TextInput;
pub use sliders::Slider;
