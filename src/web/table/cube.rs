//! DataCube: an ARIA treegrid of a source's rows grouped by each GroupingInfo's getter in
//! turn (`interact::cube` groups and totals them as BokehJS does).
//!
//! - A group's row shows its value and its aggregators' totals, each in its field's
//!   column written by that column's formatter, as BokehJS writes them.
//! - Its toggle (a click, or Enter, Space, → and ← on the active row) shows or hides what
//!   is under it. Every group starts collapsed, as in BokehJS.
//! - The rows shown are written into `target` (`row_indices`, `labels`), as BokehJS does.
//! - As BokehJS's DataCube: no sorting, no row selection, no editing, no index column.
//! - The header, the cells' formatters and the scrolled body (only the rows in view are
//!   in the page) are the DataTable's.

use std::collections::HashSet;

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::core::{AnyId, Value};
use crate::interact::{
    group_rows, shown_rows, write_target, Aggregate, Aggregator, CubeRow, Group, GroupPath,
    Grouping,
};

use super::super::element;
use super::super::page::Page;
use super::super::widgets::control::{watch, Attrs};
use super::columns::{self, refs, ColumnSpec, Row};
use super::header::{grid_template, header};
use super::scroll::Scroller;

/// How far each level of groups is indented, in pixels, as in BokehJS.
const INDENT: usize = 15;

/// The cube's own properties.
#[derive(Clone, PartialEq)]
struct CubeSpec {
    source: Option<AnyId>,
    target: Option<AnyId>,
    row_height: f64,
    header: bool,
}

impl CubeSpec {
    fn read(a: &Attrs) -> CubeSpec {
        let model = |name: &str| a.value(name).as_ref_id().and_then(|id| a.doc.lookup(id));
        CubeSpec {
            source: model("source"),
            target: model("target"),
            row_height: a.number("row_height").unwrap_or(25.0).max(8.0),
            header: a.value("header_row").as_bool().unwrap_or(true),
        }
    }
}

/// Its GroupingInfos, read again when the cube, a GroupingInfo or an aggregator changes.
fn watch_groupings(page: Page, cube: AnyId) -> Memo<Vec<Grouping>> {
    Memo::new(move |_| {
        page.track(cube);
        let infos = page.read(|d| refs(d, cube, "grouping"));
        infos
            .into_iter()
            .map(|info| {
                page.track(info);
                let aggregators = page.read(|d| refs(d, info, "aggregators"));
                let aggregators = aggregators
                    .into_iter()
                    .filter_map(|agg| {
                        page.track(agg);
                        page.read(|d| {
                            let aggregate = match d.try_model(agg)?.type_name.as_str() {
                                "SumAggregator" => Aggregate::Sum,
                                "AvgAggregator" => Aggregate::Avg,
                                "MinAggregator" => Aggregate::Min,
                                "MaxAggregator" => Aggregate::Max,
                                _ => return None,
                            };
                            let field = Attrs::new(d, agg).text("field_");
                            Some(Aggregator { aggregate, field })
                        })
                    })
                    .collect();
                let getter = page.read(|d| Attrs::new(d, info).text("getter"));
                Grouping {
                    getter,
                    aggregators,
                }
            })
            .collect()
    })
}

/// A row shown: a group's (its place, depth, title, whether it is open and its totals by
/// field) or one of the source's.
#[derive(Clone, Debug, PartialEq)]
enum Line {
    Group {
        path: GroupPath,
        level: usize,
        title: String,
        expanded: bool,
        totals: Vec<(String, Value)>,
    },
    Leaf(usize),
}

impl Line {
    fn of(row: &CubeRow) -> Line {
        match row {
            CubeRow::Group { group, expanded } => Line::Group {
                path: group.path.clone(),
                level: group.level,
                title: group.title(),
                expanded: *expanded,
                totals: group
                    .totals
                    .iter()
                    .map(|(a, v)| (a.field.clone(), v.clone()))
                    .collect(),
            },
            CubeRow::Leaf(row) => Line::Leaf(*row),
        }
    }
}

/// A row as drawn: which it is, at which position, and its cells' HTML and style.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Drawn {
    pos: usize,
    kind: Kind,
    cells: Vec<(String, String)>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum Kind {
    Group {
        path: GroupPath,
        level: usize,
        title: String,
        expanded: bool,
    },
    Leaf(usize),
}

/// The cells of a group's row: in each column after the first, its total of the column's
/// field written by the column's formatter (as BokehJS, the formatter writes an absent
/// total as it writes a null).
fn group_cells(columns: &[ColumnSpec], totals: &[(String, Value)]) -> Vec<(String, String)> {
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                return (String::new(), String::new());
            }
            let total = totals.iter().find(|(field, _)| *field == c.field);
            c.formatter
                .cell(total.map_or(&Value::Null, |(_, v)| v), None)
        })
        .collect()
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let spec = watch(page, model, CubeSpec::read);
    let columns = columns::watch(page, model);
    let groupings = watch_groupings(page, model);
    let source = Memo::new(move |_| spec.with(|s| s.source));
    let tree = Memo::new(move |_| {
        let Some(source) = source.get() else {
            return Vec::<Group>::new();
        };
        page.track(source);
        groupings.with(|g| page.read(|d| group_rows(d, source, g)))
    });
    let expanded = RwSignal::new(HashSet::<GroupPath>::new());
    let lines = Memo::new(move |_| {
        tree.with(|t| expanded.with(|e| shown_rows(t, e).iter().map(Line::of).collect::<Vec<_>>()))
    });
    // BokehJS writes the rows shown into `target` whenever it regroups or a group opens.
    Effect::new(move || {
        let (Some(source), Some(target)) = spec.with(|s| (s.source, s.target)) else {
            return;
        };
        let label = columns.with(|c| c.first().map(|c| c.field.clone()).unwrap_or_default());
        tree.with(|t| {
            expanded.with(|e| {
                let rows = shown_rows(t, e);
                if let Err(e) = page.update(|d| write_target(d, source, target, &rows, &label)) {
                    web_sys::console::error_1(&format!("rokeh: DataCube target: {e}").into());
                }
            })
        });
    });

    let row_height = move || spec.with(|s| s.row_height);
    let scroller = Scroller::new(
        Signal::derive(move || lines.with(Vec::len)),
        Signal::derive(row_height),
    );
    let depth = move || groupings.with(Vec::len);
    let drawn = Memo::new(move |_| {
        let range = scroller.window.get();
        let source = source.get();
        if let Some(source) = source {
            page.track(source);
        }
        columns.with(|cols| {
            lines.with(|lines| {
                page.read(|d| {
                    range
                        .filter_map(|pos| {
                            let (kind, cells) = match lines.get(pos)? {
                                Line::Group {
                                    path,
                                    level,
                                    title,
                                    expanded,
                                    totals,
                                } => (
                                    Kind::Group {
                                        path: path.clone(),
                                        level: *level,
                                        title: title.clone(),
                                        expanded: *expanded,
                                    },
                                    group_cells(cols, totals),
                                ),
                                Line::Leaf(row) => {
                                    let source = source?;
                                    let other = Row {
                                        doc: d,
                                        source,
                                        index: *row,
                                    };
                                    let cells = cols
                                        .iter()
                                        .map(|c| {
                                            let value = d.cell(source, &c.field, *row);
                                            c.formatter.cell(&value, Some(&other))
                                        })
                                        .collect();
                                    (Kind::Leaf(*row), cells)
                                }
                            };
                            Some(Drawn { pos, kind, cells })
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });

    let grid = NodeRef::<html::Div>::new();
    let active = RwSignal::new(None::<usize>);
    let element_id = page.element_id(model);
    let row_id = {
        let element_id = element_id.clone();
        move |pos: usize| format!("{element_id}-r{pos}")
    };
    let focus_grid = move || {
        if let Some(grid) = grid.get_untracked() {
            let _ = grid.focus();
        }
    };
    // Opens a closed group, closes an open one; `open` says which it may do.
    let toggle = move |path: &GroupPath, open: Option<bool>| {
        if disabled.get_untracked() {
            return;
        }
        expanded.update(|e| {
            let is_open = e.contains(path);
            match (is_open, open) {
                (true, None | Some(false)) => {
                    e.remove(path);
                }
                (false, None | Some(true)) => {
                    e.insert(path.clone());
                }
                _ => {}
            }
        });
    };
    let group_at = move |pos: usize| {
        lines.with_untracked(|l| match l.get(pos) {
            Some(Line::Group { path, .. }) => Some(path.clone()),
            _ => None,
        })
    };
    let on_key = move |ev: KeyboardEvent| {
        let n = lines.with_untracked(Vec::len);
        if n == 0 || disabled.get_untracked() {
            return;
        }
        let pos = active.get_untracked().unwrap_or(0).min(n - 1);
        let moved = match ev.key().as_str() {
            "ArrowDown" => Some((pos + 1).min(n - 1)),
            "ArrowUp" => Some(pos.saturating_sub(1)),
            "PageDown" => Some((pos + scroller.page_rows()).min(n - 1)),
            "PageUp" => Some(pos.saturating_sub(scroller.page_rows())),
            "Home" => Some(0),
            "End" => Some(n - 1),
            _ => None,
        };
        if let Some(next) = moved {
            ev.prevent_default();
            active.set(Some(next));
            scroller.scroll_to(next);
            return;
        }
        let open = match ev.key().as_str() {
            "ArrowRight" => Some(true),
            "ArrowLeft" => Some(false),
            "Enter" | " " => None,
            _ => return,
        };
        ev.prevent_default();
        active.set(Some(pos));
        if let Some(path) = group_at(pos) {
            toggle(&path, open);
        }
    };
    let template = Memo::new(move |_| columns.with(|c| grid_template(None, c)));
    let header = move || {
        spec.with(|s| s.header)
            .then(|| header(columns, template, None, None))
    };

    let row_row_id = row_id.clone();
    let body_row = move |row: Drawn| {
        let Drawn { pos, kind, cells } = row;
        let (level, expanded_now, path) = match &kind {
            Kind::Group {
                path,
                level,
                expanded,
                ..
            } => (*level, Some(*expanded), Some(path.clone())),
            Kind::Leaf(_) => (depth(), None, None),
        };
        let first = match &kind {
            Kind::Group { title, .. } => {
                let path = path.clone().expect("a group's row has its path");
                let label = if title.is_empty() {
                    "group"
                } else {
                    title.as_str()
                };
                view! {
                    <button
                        type="button"
                        class="rk-group-toggle"
                        class:rk-expanded=expanded_now == Some(true)
                        tabindex="-1"
                        aria-label=label.to_owned()
                        aria-expanded=expanded_now.map(|e| e.to_string())
                        style:margin-left=format!("{}px", level * INDENT)
                        on:click=move |ev| {
                            // The toggle's click is not the row's, as in BokehJS.
                            ev.stop_propagation();
                            toggle(&path, None);
                            focus_grid();
                        }
                    ></button>
                    <span class="rk-group-title">{title.clone()}</span>
                }
                .into_any()
            }
            Kind::Leaf(_) => {
                let (html, style) = cells.first().cloned().unwrap_or_default();
                view! {
                    <span class="rk-group-indent" style:margin-left=format!("{}px", level * INDENT)></span>
                    <span style=style inner_html=html></span>
                }
                .into_any()
            }
        };
        let rest = cells
            .into_iter()
            .skip(1)
            .map(|(html, style)| {
                view! { <div class="rk-table-cell" role="gridcell" style=style inner_html=html></div> }
            })
            .collect_view();
        let id = row_row_id(pos);
        view! {
            <div
                class="rk-table-row"
                class:rk-group=path.is_some()
                class:rk-odd=pos % 2 == 1
                class:rk-active-row=move || active.get() == Some(pos)
                role="row"
                id=id
                aria-rowindex=pos + 2
                aria-expanded=expanded_now.map(|e| e.to_string())
                style:grid-template-columns=move || template.get()
                style:height=move || format!("{}px", row_height())
                on:click=move |_| {
                    active.set(Some(pos));
                    focus_grid();
                }
            >
                <div class="rk-table-cell" role="gridcell">{first}</div>
                {rest}
            </div>
        }
        // The view macro has no `aria-level` (a treegrid row's depth).
        .add_any_attr(custom_attribute("aria-level", (level + 1).to_string()))
    };

    let active_descendant = move || {
        let pos = active.get()?;
        scroller.window.get().contains(&pos).then(|| row_id(pos))
    };
    view! {
        <div
            class="rk-table rk-cube"
            role="treegrid"
            id=element_id.clone()
            node_ref=grid
            tabindex="0"
            aria-rowcount=move || lines.with(Vec::len) + 1
            aria-colcount=move || columns.with(Vec::len)
            aria-activedescendant=active_descendant
            aria-disabled=move || disabled.get().then_some("true")
            on:keydown=on_key
        >
            {header}
            {scroller.view(view! { <For each=move || drawn.get() key=|r| r.clone() children=body_row /> })}
        </div>
    }
    .into_any()
}
