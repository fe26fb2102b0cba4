//! A model's `stylesheets` (Bokeh 3's way to style a widget, a layout or a plot): CSS
//! text, an `InlineStyleSheet`'s `css`, or a dict of selectors and declarations. BokehJS
//! puts them in the element's shadow root, where `:host` is the element and every other
//! selector matches inside it; rokeh has no shadow roots, so the sheet goes in a
//! `<style>` inside the model's box as `@scope { … }` with `:host` as `:scope` (the
//! style's parent: the box), which scopes it alike. `GlobalInlineStyleSheet` and
//! `ImportedStyleSheet` (of any kind) apply to the whole page, once each: an imported
//! sheet cannot be scoped. Bokeh's own class names (`.bk-btn`, …) match nothing here.

use std::cell::RefCell;
use std::collections::HashSet;

use crate::core::{AnyId, Value};
use crate::document::Document;

use super::element::dict_entries;

thread_local! {
    /// The page-wide sheets added to the page's head, by their CSS.
    static GLOBAL: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// The CSS of `model`'s scoped sheets, `@scope`d to the element the `<style>` holding it
/// sits in; its page-wide sheets are added to the page as they are met. Empty without
/// any.
pub fn scoped_css(doc: &Document, model: AnyId) -> String {
    let Ok(Value::List(sheets)) = doc.get_attr(model, "stylesheets") else {
        return String::new();
    };
    let mut css = String::new();
    for sheet in &sheets {
        match sheet {
            Value::Str(text) => css.push_str(text),
            Value::Map(_) | Value::Object(_) => css.push_str(&rules_css(doc, sheet)),
            Value::Ref(id) => {
                let Some(sheet) = doc.lookup(id) else {
                    continue;
                };
                let attr = |name: &str| match doc.get_attr(sheet, name) {
                    Ok(Value::Str(s)) => s,
                    _ => String::new(),
                };
                match doc.try_model(sheet).map(|m| m.type_name.as_str()) {
                    Some("InlineStyleSheet") => css.push_str(&attr("css")),
                    Some("GlobalInlineStyleSheet") => add_global(&attr("css")),
                    Some("ImportedStyleSheet" | "GlobalImportedStyleSheet") => {
                        import(&attr("url"));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        css.push('\n');
    }
    if css.trim().is_empty() {
        return String::new();
    }
    format!("@scope {{\n{}\n}}", host_as_scope(&css))
}

/// Bokeh's dict form: `{selector: {property: value or None}}` (or a Styles model).
fn rules_css(doc: &Document, rules: &Value) -> String {
    let mut css = String::new();
    for (selector, declarations) in dict_entries(doc, rules) {
        css.push_str(&selector);
        css.push_str(" {");
        for (property, value) in dict_entries(doc, &declarations) {
            // A Styles model names them as Python does (`background_color`).
            let property = match property.starts_with("--") {
                true => property,
                false => property.replace('_', "-"),
            };
            if let Some(value) = value.as_str() {
                css.push_str(&format!(" {property}: {value};"));
            }
        }
        css.push_str(" }\n");
    }
    css
}

/// `:host` is the scope's root: `:host(.a)` becomes `:scope:is(.a)`, `:host` `:scope`.
fn host_as_scope(css: &str) -> String {
    css.replace(":host(", ":scope:is(")
        .replace(":host", ":scope")
}

/// Adds the sheet at `url` to the whole page, once.
pub fn import(url: &str) {
    let url = url.replace(['"', '\\'], "");
    add_global(&format!("@import url(\"{url}\");"));
}

/// Adds a page-wide sheet to the page's head, once.
fn add_global(css: &str) {
    if !GLOBAL.with_borrow_mut(|added| added.insert(css.to_owned())) {
        return;
    }
    let head = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| Some((d.create_element("style").ok()?, d.head()?)));
    if let Some((style, head)) = head {
        style.set_text_content(Some(css));
        let _ = head.append_child(&style);
    }
}
