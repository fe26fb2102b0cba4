//! Bokeh's ways of writing values as text, shared by whatever shows them: numbro number
//! formats (`"0,0.00"`, `"0.0%"`), printf formats (`"%5.2f"`), strftime date formats
//! (`"%d %b %Y"`), Bokeh's `@{name}` placeholders and the HTML
//! templates of a table's cells (`"<b><%= value %></b>"`). Pure functions over values, so
//! they are tested natively; the page's widgets and tables call them.

mod date;
mod decimal;
mod number;
mod plain;
mod printf;
mod template;
pub mod tex;

pub use date::{date_format_pattern, flatpickr, strftime};
pub use decimal::{fixed, parse};
pub use number::{js_number, numbro};
pub use plain::plain;
pub use printf::format as printf;
pub use template::{escape_html, process_placeholders, render_template, MISSING};
