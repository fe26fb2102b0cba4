//! Widgets, split as Bokeh's `bokeh.models.widgets`: inputs, sliders and buttons.

mod buttons;
mod inputs;
mod sliders;

pub use buttons::Button;
pub use inputs::TextInput;
pub use sliders::Slider;
