//! `ToggleVisibility`: shows its target if hidden, hides it if shown.

use super::Target;
use crate::document::{AnyId, Value};
use crate::web::page::Page;

pub(super) fn run(page: Page, callback: AnyId, _: &Target) -> Result<(), String> {
    let target = page.read(|d| {
        let target = d.get_attr(callback, "target").ok()?;
        d.lookup(target.as_ref_id()?)
    });
    let target = target.ok_or("its target is not a model of the document")?;
    let visible = page.read(|d| d.get_attr(target, "visible").ok().and_then(|v| v.as_bool()));
    let visible = visible.ok_or("its target has no visible")?;
    page.update(|d| d.set_attr(target, "visible", Value::Bool(!visible)))
        .map_err(|e| e.to_string())
}
