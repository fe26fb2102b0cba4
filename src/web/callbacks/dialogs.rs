//! `OpenDialog` and `CloseDialog`: open or close their `dialog` (see `web::dialog`).

use super::Target;
use crate::document::AnyId;
use crate::web::dialog;
use crate::web::page::Page;

/// The callback's `dialog`.
fn dialog_of(page: Page, callback: AnyId) -> Result<AnyId, String> {
    let dialog = page.read(|d| {
        let dialog = d.get_attr(callback, "dialog").ok()?;
        d.lookup(dialog.as_ref_id()?)
    });
    dialog.ok_or_else(|| "its dialog is not a model of the document".to_owned())
}

pub(super) fn open(page: Page, callback: AnyId, _: &Target) -> Result<(), String> {
    dialog::open(page, dialog_of(page, callback)?)
}

pub(super) fn close(page: Page, callback: AnyId, _: &Target) -> Result<(), String> {
    dialog::close(page, dialog_of(page, callback)?)
}
