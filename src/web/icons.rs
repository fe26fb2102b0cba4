//! Icons: rokeh's line drawings of Bokeh's built-in icons (the toolbar's, and those a
//! `BuiltinIcon` names), and a button's icon model (`BuiltinIcon`, `SVGIcon`,
//! `TablerIcon`) as markup.

use crate::core::{AnyId, Value};
use crate::document::Document;
use crate::format::escape_html;

use super::stylesheets;

/// Where BokehJS loads the Tabler icon font's stylesheet from.
const TABLER_CSS: &str =
    "https://cdn.jsdelivr.net/npm/@tabler/icons-webfont@latest/tabler-icons.min.css";

/// rokeh's mark, where BokehJS's toolbar shows Bokeh's logo: three bars in Bokeh's first
/// three colours (20 × 20 CSS pixels).
pub const LOGO: &str = r##"<svg width="20" height="20" viewBox="0 0 20 20"><rect x="2" y="10" width="4" height="8" rx="1" fill="#1f77b4"/><rect x="8" y="5" width="4" height="13" rx="1" fill="#ff7f0e"/><rect x="14" y="2" width="4" height="16" rx="1" fill="#2ca02c"/></svg>"##;

/// The drawing of Bokeh's built-in icon `name` (24 × 24, stroked), if rokeh has one.
pub fn path(name: &str) -> Option<&'static str> {
    Some(match name {
        "pan" => "M12 2v20M2 12h20M12 2l-3 3M12 2l3 3M12 22l-3-3M12 22l3-3M2 12l3-3M2 12l3 3M22 12l-3-3M22 12l-3 3",
        // A magnifier on a stick beside a mouse.
        "wheel_zoom" => "M9 3a5 5 0 1 0 0 10a5 5 0 1 0 0-10M9 5.5v5M6.5 8h5M9 13v8M15 16a3 3 0 0 1 6 0v2a3 3 0 0 1-6 0zM18 14.5v2",
        // A dashed box, a magnifier in its corner.
        "box_zoom" => "M3 7V3h4M10 3h3M16 3h3v3M3 10v3M3 16v3h3M15 11.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7M17.5 17.5L21 21",
        "zoom_in" => "M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14M15 15l6 6M7 10h6M10 7v6",
        "zoom_out" => "M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14M15 15l6 6M7 10h6",
        "reset" => "M4 12a8 8 0 1 0 2.3-5.7M4 3v5h5M12 12h.01",
        "undo" => "M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3",
        "redo" => "M15 14l5-5l-5-5M20 9H10a6 6 0 0 0 0 12h3",
        "save" => "M12 3v12M7 10l5 5l5-5M4 17v3h16v-3",
        "tap_select" => "M9 11V4a2 2 0 0 1 4 0v7l5 1v6l-3 4H9l-4-6l2-2l2 2",
        // A dashed box with rounded corners.
        "box_select" => "M3 7V5a2 2 0 0 1 2-2h2M10 3h4M17 3h2a2 2 0 0 1 2 2v2M21 10v4M21 17v2a2 2 0 0 1-2 2h-2M14 21h-4M7 21H5a2 2 0 0 1-2-2v-2M3 14v-4",
        "lasso_select" => "M12 4c5 0 9 2.5 9 5.5S17 15 12 15S3 12.5 3 9.5S7 4 12 4M6 14l-2 7",
        "polygon_select" => "M4 6l9-3l8 8l-5 9l-11-3z",
        "crosshair" => "M12 4a8 8 0 1 0 0 16a8 8 0 1 0 0-16M12 1v6M12 17v6M1 12h6M17 12h6",
        // A speech bubble with two lines of text.
        "hover" => "M5 4h14a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-5l-2 3l-2-3H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2M8 9h8M8 12h6",
        "help" => "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20M9 9a3 3 0 1 1 4 2.8c-1 .5-1 1-1 2.2M12 17v1",
        // A wheel with eight cogs round a hub.
        "settings" => "M12 5a7 7 0 1 0 0 14a7 7 0 1 0 0-14M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9L7 7M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1",
        "check" => "M5 12l5 5L20 7",
        "x" => "M6 6l12 12M18 6L6 18",
        "chevron_down" => "M6 9l6 6l6-6",
        "chevron_up" => "M6 15l6-6l6 6",
        "chevron_left" => "M15 6l-6 6l6 6",
        "chevron_right" => "M9 6l6 6l-6 6",
        "caret_down" => "M6 9h12l-6 7z",
        "caret_up" => "M6 15h12l-6-7z",
        "caret_left" => "M15 6v12l-7-6z",
        "caret_right" => "M9 6v12l7-6z",
        "copy" => "M8 8h12v12H8zM16 8V4H4v12h4",
        "delete" => "M4 7h16M10 11v6M14 11v6M5 7l1 13h12l1-13M9 7V4h6v3",
        "square" => "M4 4h16v16H4z",
        "square_check" => "M4 4h16v16H4zM8 12l3 3l5-6",
        "maximize" | "fullscreen" => "M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5",
        "minimize" => "M5 19h14",
        "see_on" => "M2 12s4-7 10-7s10 7 10 7s-4 7-10 7S2 12 2 12M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6",
        "see_off" => "M2 12s4-7 10-7s10 7 10 7s-4 7-10 7S2 12 2 12M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6M3 3l18 18",
        "list" => "M9 6h11M9 12h11M9 18h11M5 6v.01M5 12v.01M5 18v.01",
        "unknown" => "M4 4h16v16H4zM10 10a2 2 0 1 1 2.5 1.9c-.5.2-.5.6-.5 1.1M12 16v.5",
        _ => return None,
    })
}

/// A drawing as an inline SVG with `attrs` (its size and stroke colour).
pub fn svg(path: &str, attrs: &str) -> String {
    format!(
        r#"<svg viewBox="0 0 24 24" {attrs} aria-hidden="true" fill="none" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="{path}"></path></svg>"#
    )
}

/// The icon model `icon` as markup, sized and coloured as it says: a built-in icon by
/// rokeh's drawing of it (`unknown`'s for a name rokeh does not draw), an SVGIcon's own
/// markup, a TablerIcon by the Tabler font (whose stylesheet is added to the page).
pub fn markup(doc: &Document, icon: AnyId) -> String {
    let attr = |name: &str| doc.get_attr(icon, name).unwrap_or(Value::Null);
    let size = match attr("size") {
        Value::Int(px) => format!("{px}px"),
        Value::Str(length) => escape_html(&length),
        _ => "1em".to_owned(),
    };
    let text = |name: &str| attr(name).as_str().unwrap_or_default().to_owned();
    let style = format!("width: {size}; height: {size};");
    match doc.try_model(icon).map(|m| m.type_name.as_str()) {
        Some("BuiltinIcon") => {
            let name = text("icon_name");
            let drawing = path(&name).or(path("unknown")).unwrap_or_default();
            let color = escape_html(&text("color"));
            svg(
                drawing,
                &format!(r#"class="rk-icon" style="{style}" stroke="{color}""#),
            )
        }
        Some("SVGIcon") => {
            format!(
                r#"<span class="rk-icon" style="{style}">{}</span>"#,
                text("svg")
            )
        }
        Some("TablerIcon") => {
            stylesheets::import(TABLER_CSS);
            let name = escape_html(&text("icon_name"));
            format!(r#"<i class="rk-icon ti ti-{name}" style="font-size: {size};"></i>"#)
        }
        _ => String::new(),
    }
}
