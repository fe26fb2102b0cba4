//! `OpenURL`, as BokehJS runs it for a TapTool: its `url` opened once per selected row of
//! the source tapped, `@column` replaced by the row's value (URI-encoded), in a new tab or
//! this one (`same_tab`). Run for anything else, it has no rows to open.

use super::{Hit, Target};
use crate::core::Value;
use crate::document::AnyId;
use crate::format::process_placeholders;
use crate::interact::cell_text;
use crate::web::page::Page;

pub(super) fn run(page: Page, callback: AnyId, target: &Target) -> Result<(), String> {
    let Target::Tool {
        hit: super::ToolHit {
            what: Hit::Source(source),
            ..
        },
        ..
    } = target
    else {
        return Err(
            "it opens the rows a TapTool selected; run for anything else, it has none".into(),
        );
    };
    let urls: Vec<String> = page.read(|d| {
        let template = d.get_attr(callback, "url").ok();
        let template = template
            .as_ref()
            .and_then(Value::as_str)
            .unwrap_or_default();
        let selected = d.get_attr(*source, "selected").ok();
        let rows = selected
            .and_then(|s| d.lookup(s.as_ref_id()?))
            .and_then(|s| d.get_attr(s, "indices").ok())
            .and_then(|i| i.as_list().map(<[Value]>::to_vec))
            .unwrap_or_default();
        rows.iter()
            .filter_map(Value::as_i64)
            .map(|row| {
                process_placeholders(template, |sigil, name, _| match sigil {
                    '@' => {
                        let text = cell_text(d, *source, name, row as usize);
                        String::from(js_sys::encode_uri_component(&text))
                    }
                    _ => format!("{sigil}{name}"),
                })
            })
            .collect()
    });
    let same_tab = page.read(|d| {
        d.get_attr(callback, "same_tab")
            .ok()
            .and_then(|v| v.as_bool())
    });
    let window = web_sys::window().ok_or("no window")?;
    for url in urls {
        let opened = if same_tab == Some(true) {
            window.location().set_href(&url)
        } else {
            window.open_with_url(&url).map(drop)
        };
        opened.map_err(|e| format!("cannot open {url}: {e:?}"))?;
    }
    Ok(())
}
