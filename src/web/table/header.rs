//! A table's header row: each column's title, a sort button where the table sorts by it;
//! and the grid template its rows share.

use leptos::prelude::*;

use crate::core::AnyId;

use super::columns::ColumnSpec;

/// How a table is sorted, if it is.
pub type SortBy = Option<Sort>;

/// A table sorted by a column.
#[derive(Clone, Debug, PartialEq)]
pub struct Sort {
    /// The column's field.
    pub field: String,
    pub descending: bool,
    /// The column's `sorter` (a NanCompare or CustomJSCompare): how two values compare.
    pub sorter: Option<AnyId>,
}

/// The CSS grid columns of a table's rows: each column's share, and the index column's
/// width at its place among them.
pub fn grid_template(index: Option<(f64, usize)>, columns: &[ColumnSpec]) -> String {
    let mut cols: Vec<String> = columns
        .iter()
        .map(|c| format!("minmax(0, {}fr)", c.width))
        .collect();
    if let Some((width, at)) = index {
        cols.insert(at.min(cols.len()), format!("{width}px"));
    }
    cols.join(" ")
}

/// The index column's cell, placed in the row's grid at its place `at`: the other cells
/// flow around it.
pub fn index_place(at: usize) -> String {
    format!("grid-row: 1; grid-column: {};", at + 1)
}

/// The header row. `index` is the index column's title and place; with `sort`, a
/// sortable column's title is a button: ascending, then descending.
pub fn header(
    columns: Memo<Vec<ColumnSpec>>,
    template: Memo<String>,
    index: Option<(String, usize)>,
    sort: Option<RwSignal<SortBy>>,
) -> impl IntoView {
    let toggle_sort = move |sort: RwSignal<SortBy>, col: usize| {
        let Some(c) = columns.with_untracked(|c| c.get(col).cloned()) else {
            return;
        };
        sort.update(|s| {
            *s = match s.take() {
                Some(Sort {
                    field, descending, ..
                }) if field == c.field => Some(Sort {
                    field,
                    descending: !descending,
                    sorter: c.sorter,
                }),
                _ => Some(Sort {
                    field: c.field.clone(),
                    descending: c.descending_first,
                    sorter: c.sorter,
                }),
            }
        });
    };
    view! {
        <div class="rk-table-header" role="row" aria-rowindex="1" style:grid-template-columns=move || template.get()>
            {index.map(|(title, at)| view! {
                <div class="rk-table-index" role="columnheader" style=index_place(at)>{title}</div>
            })}
            {move || {
                columns
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let field = c.field.clone();
                        let aria_sort = move || match sort.and_then(|s| s.get()) {
                            Some(s) if s.field == field && !s.descending => "ascending",
                            Some(s) if s.field == field => "descending",
                            _ => "none",
                        };
                        let title = c.title.clone();
                        let button = sort.filter(|_| c.sortable);
                        view! {
                            <div class="rk-table-heading" role="columnheader" aria-sort=aria_sort>
                                {match button {
                                    Some(sort) => view! {
                                        <button type="button" class="rk-sort" on:click=move |_| toggle_sort(sort, i)>
                                            {title}
                                            <span class="rk-sort-mark" aria-hidden="true"></span>
                                        </button>
                                    }
                                    .into_any(),
                                    None => view! { <span>{title}</span> }.into_any(),
                                }}
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
