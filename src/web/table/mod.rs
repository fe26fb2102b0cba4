//! DataTable: an ARIA grid of a ColumnDataSource's rows.
//!
//! - Only the rows in view (and a few around them) are in the page, so a table of a
//!   hundred thousand rows scrolls as one of ten.
//! - A sortable column's header is a button: ascending, then descending (the sort is the
//!   table's own; the source keeps its order, as in Bokeh).
//! - Rows are selected by click (Ctrl/⌘ toggles, Shift extends) or by keyboard, and the
//!   selection is the source's `selected.indices`, both ways: a selection made elsewhere
//!   shows, and scrolls into view.
//! - The grid is one tab stop; arrows, PageUp/PageDown and Home/End move the active cell
//!   (Shift extends the selection), Space toggles the row, Ctrl+A selects all; in an
//!   `editable` table Enter, F2 or a double click edits the cell, Enter or leaving it
//!   writes the source (a patch, as Bokeh's editors do) and Escape cancels.

mod columns;
mod cube;
mod header;
mod scroll;

use std::collections::HashSet;

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html;
use leptos::prelude::*;

use crate::core::{AnyId, Value};
use crate::document::{Document, PatchIndex};
use crate::models::Selection;

pub use self::cube::view as cube_view;

use self::columns::{compare, ColumnSpec, Editor, Row};
use self::header::{grid_template, header, index_place, Sort, SortBy};
use self::scroll::{Scroller, OVERSCAN};
use super::element;
use super::page::Page;
use super::widgets::control::{watch, Attrs};
use crate::format::plain;
use crate::render::scripted::Script;

/// The table's own properties.
#[derive(Clone, PartialEq)]
struct TableSpec {
    source: Option<AnyId>,
    row_height: f64,
    editable: bool,
    sortable: bool,
    selectable: bool,
    multi: bool,
    index: Option<IndexColumn>,
    header: bool,
}

/// The column of row numbers: its title, width, and `index_position` among the columns.
#[derive(Clone, PartialEq)]
struct IndexColumn {
    title: String,
    width: f64,
    position: i64,
}

impl IndexColumn {
    /// Its place among `n` columns, as BokehJS splices it in: from the start, or from the
    /// end when negative (-1: last).
    fn at(&self, n: usize) -> usize {
        let n = n as i64;
        let at = if self.position < 0 {
            n + 1 + self.position
        } else {
            self.position
        };
        at.clamp(0, n) as usize
    }
}

impl TableSpec {
    fn read(a: &Attrs) -> TableSpec {
        let source = a
            .value("source")
            .as_ref_id()
            .and_then(|id| a.doc.lookup(id));
        TableSpec {
            source,
            row_height: a.number("row_height").unwrap_or(25.0).max(8.0),
            editable: a.flag("editable"),
            sortable: a.value("sortable").as_bool().unwrap_or(true),
            selectable: a.value("selectable").as_bool() != Some(false),
            multi: a.value("multi_selectable").as_bool().unwrap_or(true),
            index: a.int("index_position").map(|position| IndexColumn {
                title: a.text("index_header"),
                width: a.number("index_width").unwrap_or(40.0),
                position,
            }),
            header: a.value("header_row").as_bool().unwrap_or(true),
        }
    }

    fn template(&self, columns: &[ColumnSpec]) -> String {
        let index = self.index.as_ref();
        grid_template(index.map(|i| (i.width, i.at(columns.len()))), columns)
    }
}

/// The rows in the table's order: the source's, or sorted by a column (as its `sorter`
/// compares the values, BokehJS's NanCompare or CustomJSCompare).
fn sorted_rows(doc: &Document, source: AnyId, sort: Option<&Sort>) -> Vec<u32> {
    let n = doc.row_count(source);
    let mut order: Vec<u32> = (0..n as u32).collect();
    let Some(Sort {
        field,
        descending,
        sorter,
    }) = sort
    else {
        return order;
    };
    let by_sorter = sorter.is_some_and(|sorter| {
        let values: Vec<Value> = (0..n).map(|i| doc.cell(source, field, i)).collect();
        sort_with(doc, sorter, &values, &mut order)
    });
    if by_sorter {
        if *descending {
            order.reverse();
        }
        return order;
    }
    match doc.column_f64(source, field) {
        // Numbers: no value made per comparison; NaNs first, as nulls.
        Some(values) => order.sort_by(|a, b| {
            let (x, y) = (values[*a as usize], values[*b as usize]);
            match (x.is_nan(), y.is_nan()) {
                (true, true) => std::cmp::Ordering::Equal,
                (true, false) => std::cmp::Ordering::Less,
                (false, true) => std::cmp::Ordering::Greater,
                _ => x.total_cmp(&y),
            }
        }),
        None => {
            let values: Vec<Value> = (0..n).map(|i| doc.cell(source, field, i)).collect();
            order.sort_by(|a, b| compare(&values[*a as usize], &values[*b as usize]));
        }
    }
    if *descending {
        order.reverse();
    }
    order
}

/// Sorts `order` by `values` as column sorter `sorter` compares them; whether it did (a
/// CustomJSCompare in a page without its view, or whose code failed, does not).
fn sort_with(doc: &Document, sorter: AnyId, values: &[Value], order: &mut [u32]) -> bool {
    match doc.try_model(sorter).map(|m| m.type_name.as_str()) {
        Some("NanCompare") => {
            let ascending_first = doc
                .get_attr(sorter, "ascending_first")
                .is_ok_and(|v| v.as_bool() == Some(true));
            order.sort_by(|a, b| {
                nan_compare(&values[*a as usize], &values[*b as usize], ascending_first)
            });
            true
        }
        Some(other) => match crate::render::scripted::find(other) {
            Some(Script::Compare(sort)) => sort(sorter, values, order),
            _ => false,
        },
        None => false,
    }
}

/// BokehJS's NanCompare: NaNs after (before, `ascending_first`) everything, numbers by
/// value, anything else equal.
fn nan_compare(x: &Value, y: &Value, ascending_first: bool) -> std::cmp::Ordering {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let number = |v: &Value| match v {
        Value::Int(_) | Value::Float(_) => v.as_f64(),
        _ => None,
    };
    let (first, last) = if ascending_first {
        (Less, Greater)
    } else {
        (Greater, Less)
    };
    match (number(x), number(y)) {
        (Some(x), _) if x.is_nan() => first,
        (_, Some(y)) if y.is_nan() => last,
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Equal),
        _ => Equal,
    }
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let spec = watch(page, model, TableSpec::read);
    let columns = columns::watch(page, model);
    let source = Memo::new(move |_| spec.with(|s| s.source));
    let sort = RwSignal::new(SortBy::None);
    let order = Memo::new(move |_| {
        let Some(source) = source.get() else {
            return Vec::new();
        };
        page.track(source);
        let sort = sort.get();
        page.read(|d| sorted_rows(d, source, sort.as_ref()))
    });
    let selection_model = Memo::new(move |_| {
        let source = source.get()?;
        page.track(source);
        page.read(|d| {
            let id = d.get_attr(source, "selected").ok()?;
            d.lookup(id.as_ref_id()?)
        })
    });
    let selected = Memo::new(move |_| match selection_model.get() {
        Some(selection) => {
            page.track(selection);
            page.read(|d| Attrs::new(d, selection).ints("indices"))
        }
        None => Vec::new(),
    });
    let selected_set = Memo::new(move |_| {
        selected.with(|s| {
            s.iter()
                .filter_map(|i| usize::try_from(*i).ok())
                .collect::<HashSet<_>>()
        })
    });

    let grid = NodeRef::<html::Div>::new();
    let row_height = move || spec.with(|s| s.row_height);
    let scroller = Scroller::new(
        Signal::derive(move || order.with(Vec::len)),
        Signal::derive(row_height),
    );
    let window = scroller.window;
    let rows = Memo::new(move |_| {
        let range = window.get();
        order.with(|o| {
            range
                .clone()
                .map(|pos| (pos, o[pos] as usize))
                .collect::<Vec<_>>()
        })
    });

    // Keyboard state: the active cell (position, column) and where a Shift range starts.
    let active = RwSignal::new(None::<(usize, usize)>);
    let anchor = RwSignal::new(None::<usize>);
    let editing = RwSignal::new(None::<(usize, usize)>);
    let element_id = page.element_id(model);
    let cell_id = {
        let element_id = element_id.clone();
        move |pos: usize, col: usize| format!("{element_id}-r{pos}-c{col}")
    };

    let set_selection = move |rows: Vec<usize>| {
        let Some(source) = source.get_untracked() else {
            return;
        };
        let existing = selection_model.get_untracked();
        let indices = Value::List(rows.into_iter().map(|r| Value::Int(r as i64)).collect());
        let result = page.update(|d| {
            d.batch(|d| {
                let selection = match existing {
                    Some(selection) => selection,
                    // A source without a Selection (rokeh's default) gets one.
                    None => {
                        let selection = d.add(Selection::default()).any();
                        let id = Value::Ref(d.model_id(selection).clone());
                        d.set_attr(source, "selected", id)?;
                        selection
                    }
                };
                d.set_attr(selection, "indices", indices)
            })
        });
        if let Err(e) = result {
            web_sys::console::error_1(&format!("rokeh: table selection: {e}").into());
        }
    };
    let row_at = move |pos: usize| order.with_untracked(|o| o.get(pos).map(|r| *r as usize));
    // Selects as a click or a key press does: one row, a toggled row, or a range.
    let select = move |pos: usize, toggle: bool, extend: bool| {
        let (selectable, multi) = spec.with_untracked(|s| (s.selectable, s.multi));
        if !selectable {
            return;
        }
        let Some(row) = row_at(pos) else { return };
        let mut now = selected.get_untracked();
        let rows: Vec<usize> = if extend && multi {
            let from = anchor.get_untracked().unwrap_or(pos);
            let (a, b) = (from.min(pos), from.max(pos));
            (a..=b).filter_map(row_at).collect()
        } else if toggle && multi {
            let row = row as i64;
            if now.contains(&row) {
                now.retain(|r| *r != row);
            } else {
                now.push(row);
            }
            now.into_iter().map(|r| r as usize).collect()
        } else {
            vec![row]
        };
        if !extend {
            anchor.set(Some(pos));
        }
        set_selection(rows);
    };
    let scroll_to = move |pos: usize| scroller.scroll_to(pos);
    // A selection made elsewhere (Python, a callback) scrolls into view, as Bokeh's
    // `scroll_to_selection` does.
    Effect::new(move |ran: Option<()>| {
        let first = selected.with(|s| s.iter().copied().min());
        if ran.is_none() {
            return;
        }
        let Some(first) = first else { return };
        let pos = order.with_untracked(|o| o.iter().position(|r| i64::from(*r) == first));
        let shown = window.get_untracked();
        if let Some(pos) = pos {
            if !(shown.start + OVERSCAN..shown.end.saturating_sub(OVERSCAN)).contains(&pos) {
                scroll_to(pos);
            }
        }
    });
    let focus_grid = move || {
        if let Some(grid) = grid.get_untracked() {
            let _ = grid.focus();
        }
    };
    let start_edit = move |pos: usize, col: usize| {
        if spec.with_untracked(|s| s.editable) && !disabled.get_untracked() {
            active.set(Some((pos, col)));
            editing.set(Some((pos, col)));
        }
    };
    // Enter gives the focus back to the grid; leaving the cell lets it go where it went.
    let commit = move |pos: usize, col: usize, text: String, refocus: bool| {
        editing.set(None);
        if refocus {
            focus_grid();
        }
        let (Some(source), Some(row)) = (source.get_untracked(), row_at(pos)) else {
            return;
        };
        let Some(column) = columns.with_untracked(|c| c.get(col).cloned()) else {
            return;
        };
        let Some(value) = column.editor.parse(&text) else {
            web_sys::console::warn_1(
                &format!("rokeh: {text:?} is not a value for {}", column.field).into(),
            );
            return;
        };
        let patch = vec![(column.field, vec![(PatchIndex::Row(row), value)])];
        if let Err(e) = page.update(|d| d.patch(source, patch)) {
            web_sys::console::error_1(&format!("rokeh: editing the table: {e}").into());
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        if editing.get_untracked().is_some() {
            return;
        }
        let n = order.with_untracked(Vec::len);
        let cols = columns.with_untracked(Vec::len);
        if n == 0 {
            return;
        }
        let (pos, col) = active.get_untracked().unwrap_or((0, 0));
        let page_rows = scroller.page_rows();
        let moved = match ev.key().as_str() {
            "ArrowDown" => Some((pos + 1).min(n - 1)),
            "ArrowUp" => Some(pos.saturating_sub(1)),
            "PageDown" => Some((pos + page_rows).min(n - 1)),
            "PageUp" => Some(pos.saturating_sub(page_rows)),
            "Home" => Some(0),
            "End" => Some(n - 1),
            _ => None,
        };
        if let Some(next) = moved {
            ev.prevent_default();
            active.set(Some((next, col)));
            select(next, false, ev.shift_key());
            scroll_to(next);
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" if cols > 0 => active.set(Some((pos, (col + 1).min(cols - 1)))),
            "ArrowLeft" => active.set(Some((pos, col.saturating_sub(1)))),
            " " => {
                active.set(Some((pos, col)));
                select(pos, true, false);
            }
            "a" if ev.ctrl_key() || ev.meta_key() => {
                if spec.with_untracked(|s| s.selectable && s.multi) {
                    set_selection(
                        order.with_untracked(|o| o.iter().map(|r| *r as usize).collect()),
                    );
                }
            }
            "Enter" | "F2" => start_edit(pos, col),
            _ => return,
        }
        ev.prevent_default();
    };
    let on_row_click = move |pos: usize, ev: MouseEvent| {
        if disabled.get_untracked() {
            return;
        }
        let col = active.get_untracked().map_or(0, |(_, c)| c);
        active.set(Some((pos, col)));
        select(pos, ev.ctrl_key() || ev.meta_key(), ev.shift_key());
        focus_grid();
    };
    let template = Memo::new(move |_| columns.with(|c| spec.with(|s| s.template(c))));

    let header = move || {
        spec.with(|s| s.header).then(|| {
            let n = columns.with(Vec::len);
            let (index, sortable) = spec.with(|s| {
                let index = s.index.as_ref().map(|i| (i.title.clone(), i.at(n)));
                (index, s.sortable)
            });
            header(columns, template, index, sortable.then_some(sort))
        })
    };

    let row_cell_id = cell_id.clone();
    let body_row = move |(pos, row): (usize, usize)| {
        let is_selected = move || selected_set.with(|s| s.contains(&row));
        let cells = Memo::new(move |_| {
            let Some(source) = source.get() else {
                return Vec::new();
            };
            page.track(source);
            columns.with(|cols| {
                page.read(|d| {
                    let other = Row {
                        doc: d,
                        source,
                        index: row,
                    };
                    cols.iter()
                        .map(|c| {
                            let value = d.cell(source, &c.field, row);
                            let (html, style) = c.formatter.cell(&value, Some(&other));
                            (html, style, plain(&value))
                        })
                        .collect::<Vec<_>>()
                })
            })
        });
        let cell_id = row_cell_id.clone();
        view! {
            <div
                class="rk-table-row"
                role="row"
                aria-rowindex=pos + 2
                aria-selected=move || is_selected().to_string()
                class:rk-selected=is_selected
                class:rk-odd=pos % 2 == 1
                style:grid-template-columns=move || template.get()
                style:height=move || format!("{}px", row_height())
                on:click=move |ev| on_row_click(pos, ev)
            >
                {move || {
                    let n = columns.with(Vec::len);
                    spec.with(|s| s.index.as_ref().map(|i| i.at(n))).map(|at| view! {
                        <div class="rk-table-index" role="gridcell" style=index_place(at)>
                            {row}
                        </div>
                    })
                }}
                {move || {
                    cells
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(col, (html, style, raw))| {
                            let id = cell_id(pos, col);
                            let is_active = move || active.get() == Some((pos, col));
                            if editing.get() == Some((pos, col)) {
                                let editor = columns.with_untracked(|c| c.get(col).map(|c| c.editor));
                                return cell_editor(raw, editor, move |text, refocus| commit(pos, col, text, refocus), move || {
                                    editing.set(None);
                                    focus_grid();
                                })
                                .into_any();
                            }
                            view! {
                                <div
                                    class="rk-table-cell"
                                    role="gridcell"
                                    id=id
                                    class:rk-active-cell=is_active
                                    style=style
                                    inner_html=html
                                    on:dblclick=move |_| start_edit(pos, col)
                                ></div>
                            }
                            .into_any()
                        })
                        .collect_view()
                }}
            </div>
        }
    };

    let active_descendant = {
        move || {
            let (pos, col) = active.get()?;
            window.get().contains(&pos).then(|| cell_id(pos, col))
        }
    };
    view! {
        <div
            class="rk-table"
            role="grid"
            id=element_id
            node_ref=grid
            tabindex="0"
            aria-rowcount=move || order.with(Vec::len) + 1
            aria-colcount=move || columns.with(Vec::len) + usize::from(spec.with(|s| s.index.is_some()))
            aria-multiselectable=move || spec.with(|s| (s.selectable && s.multi).to_string())
            aria-activedescendant=active_descendant
            aria-disabled=move || disabled.get().then_some("true")
            on:keydown=on_key
        >
            {header}
            {scroller.view(view! { <For each=move || rows.get() key=|r| *r children=body_row /> })}
        </div>
    }
    .into_any()
}

/// The editor of one cell: a text box (a number box for numeric editors) holding the
/// cell's value; Enter or leaving it commits, Escape cancels.
fn cell_editor(
    raw: String,
    editor: Option<Editor>,
    commit: impl Fn(String, bool) + Copy + 'static,
    cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let done = StoredValue::new(false);
    Effect::new(move || {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    let (kind, step) = match editor {
        Some(Editor::Number { step }) | Some(Editor::Int { step }) => ("number", Some(step)),
        _ => ("text", None),
    };
    let finish = move |text: Option<String>, by_key: bool| {
        if done.get_value() {
            return;
        }
        done.set_value(true);
        match text {
            Some(text) => commit(text, by_key),
            None => cancel(),
        }
    };
    view! {
        <div class="rk-table-cell rk-editing" role="gridcell">
            <input
                type=kind
                step=step
                node_ref=input
                value=raw
                aria-label="edit cell"
                on:click=|ev| ev.stop_propagation()
                on:keydown=move |ev: KeyboardEvent| {
                    // Keys typed here are the editor's, not the grid's.
                    ev.stop_propagation();
                    match ev.key().as_str() {
                        "Enter" => {
                            ev.prevent_default();
                            finish(Some(event_target_value(&ev)), true);
                        }
                        "Escape" => {
                            ev.prevent_default();
                            finish(None, true);
                        }
                        _ => {}
                    }
                }
                on:blur=move |ev| finish(Some(event_target_value(&ev)), false)
            />
        </div>
    }
}
