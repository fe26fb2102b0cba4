//! A renderer's view: the rows its CDSView's filter keeps (all of them by default), as
//! BokehJS computes them; a CustomJSFilter's in a page with its view (see
//! [`super::scripted`]).

use crate::document::{AnyId, Value};

use super::read::Reader;
use super::scripted::{self, Script};
use super::RenderError;

/// The rows of a source of `len` rows that `view` (a CDSView) keeps; `None`: all.
pub(crate) fn view_rows(
    r: Reader<'_>,
    view: Option<AnyId>,
    source: Option<AnyId>,
    len: usize,
) -> Result<Option<Vec<usize>>, RenderError> {
    let Some(view) = view else { return Ok(None) };
    let Some(filter) = r.reference(view, "filter")? else {
        return Ok(None);
    };
    // The default filter: every row, without a mask as long as the source to say so.
    if r.type_name(filter) == "AllIndices" {
        return Ok(None);
    }
    let keep = kept(r, filter, source, len)?;
    Ok((!keep.iter().all(|&k| k)).then(|| (0..len).filter(|&i| keep[i]).collect()))
}

/// Which rows `filter` keeps.
fn kept(
    r: Reader<'_>,
    filter: AnyId,
    source: Option<AnyId>,
    len: usize,
) -> Result<Vec<bool>, RenderError> {
    let all = || vec![true; len];
    let operands = |attr: &str| -> Result<Vec<Vec<bool>>, RenderError> {
        r.refs(filter, attr)?
            .into_iter()
            .map(|f| kept(r, f, source, len))
            .collect()
    };
    Ok(match r.type_name(filter) {
        "AllIndices" => all(),
        "IndexFilter" => match r.get::<Option<Vec<i64>>>(filter, "indices")? {
            None => all(),
            Some(ix) => {
                let mut keep = vec![false; len];
                for i in ix {
                    if let Some(k) = usize::try_from(i).ok().and_then(|i| keep.get_mut(i)) {
                        *k = true;
                    }
                }
                keep
            }
        },
        "BooleanFilter" => match r.get::<Option<Vec<bool>>>(filter, "booleans")? {
            None => all(),
            Some(b) => (0..len)
                .map(|i| b.get(i).copied().unwrap_or(false))
                .collect(),
        },
        "GroupFilter" => {
            let column: String = r.get(filter, "column_name")?;
            let group = r.value(filter, "group")?;
            let values = source.and_then(|s| r.doc.column(s, &column));
            (0..len)
                .map(|i| match values {
                    Some(Value::List(items)) => items.get(i) == Some(&group),
                    Some(Value::Array(a)) => {
                        a.data.get_f64(i).is_some() && a.data.get_f64(i) == group.as_f64()
                    }
                    _ => false,
                })
                .collect()
        }
        "IntersectionFilter" => operands("operands")?.into_iter().fold(all(), |acc, k| {
            acc.iter().zip(k).map(|(a, b)| *a && b).collect()
        }),
        "UnionFilter" => operands("operands")?
            .into_iter()
            .fold(vec![false; len], |acc, k| {
                acc.iter().zip(k).map(|(a, b)| *a || b).collect()
            }),
        "InversionFilter" => {
            let operand = r
                .reference(filter, "operand")?
                .ok_or_else(|| r.bad(filter, "operand", "set"))?;
            kept(r, operand, source, len)?
                .into_iter()
                .map(|k| !k)
                .collect()
        }
        "DifferenceFilter" => {
            let mut sets = operands("operands")?.into_iter();
            let first = sets.next().unwrap_or_else(all);
            sets.fold(first, |acc, k| {
                acc.iter().zip(k).map(|(a, b)| *a && !b).collect()
            })
        }
        "CustomJSFilter" => {
            let Some(Script::Filter(run)) = scripted::find("CustomJSFilter") else {
                let why = scripted::not_run("CustomJSFilter", "CUSTOM_JS_FILTER");
                return Err(RenderError::Model(why));
            };
            let mut keep = run(r, filter, source, len).map_err(|e| {
                let id = r.doc.model_id(filter);
                RenderError::Model(format!("CustomJSFilter {id}: {e}"))
            })?;
            keep.resize(len, false);
            keep
        }
        other => {
            return Err(RenderError::Model(format!(
                "filter {other} is not one rokeh applies"
            )))
        }
    })
}
