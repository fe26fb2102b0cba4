//! `SetValue`: sets a property of a model to a value, as the page's user would.

use super::Target;
use crate::document::{AnyId, Value};
use crate::web::page::Page;

pub(super) fn run(page: Page, callback: AnyId, _: &Target) -> Result<(), String> {
    let (obj, attr, value) = page.read(|d| {
        let attr = |name: &str| d.get_attr(callback, name).unwrap_or(Value::Null);
        (attr("obj"), attr("attr"), attr("value"))
    });
    let obj = obj
        .as_ref_id()
        .and_then(|id| page.read(|d| d.lookup(id)))
        .ok_or("its obj is not a model of the document")?;
    let attr = attr.as_str().ok_or("its attr is not a name")?;
    page.update(|d| d.set_attr(obj, attr, value))
        .map_err(|e| e.to_string())
}
