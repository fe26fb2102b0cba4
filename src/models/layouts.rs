//! Layouts: Row and Column (Bokeh's `row(…)` / `column(…)`), GridBox and GridPlot (Bokeh's
//! `gridplot(…)`, in `gridplot.rs`), Tabs of TabPanels, and Spacer. Every layout element also has Bokeh's
//! sizing properties (`sizing_mode`, `width_policy`, `min_width`, `margin`, `align`, …);
//! the ones app code sets most are listed here, the rest are read by name.

use crate::core::{AnyId, Id, Ids, Kind, NoIds, PropType, Value};
use crate::document::Document;

use super::enums::{Place, SizingMode, TabsLocation};

models! {
    /// Children side by side.
    pub struct Row("Row") {
        children: Vec<AnyId> = Vec::new(),
        /// Pixels between children.
        spacing: i64 = 0,
        sizing_mode: Option<SizingMode> = None,
        width: Option<i64> = None,
        height: Option<i64> = None,
    }

    /// Children one above the other.
    pub struct Column("Column") {
        children: Vec<AnyId> = Vec::new(),
        spacing: i64 = 0,
        sizing_mode: Option<SizingMode> = None,
        width: Option<i64> = None,
        height: Option<i64> = None,
    }

    /// Children placed on a grid, each at a row and column, spanning one or more.
    pub struct GridBox("GridBox") {
        children: Vec<GridChild> = Vec::new(),
        sizing_mode: Option<SizingMode> = None,
        width: Option<i64> = None,
        height: Option<i64> = None,
    }

    /// Plots on a grid, as Bokeh's `gridplot(…)` makes them, with one toolbar for all of
    /// them at `toolbar_location` (none when null).
    pub struct GridPlot("GridPlot") {
        children: Vec<GridChild> = Vec::new(),
        toolbar: Option<AnyId> = None,
        toolbar_location: Option<Place> = Some(Place::Above),
        sizing_mode: Option<SizingMode> = None,
        width: Option<i64> = None,
        height: Option<i64> = None,
    }

    /// Panels, one shown at a time (`active`), chosen by their tabs.
    pub struct Tabs("Tabs") {
        tabs: Vec<Id<TabPanel>> = Vec::new(),
        active: i64 = 0,
        tabs_location: TabsLocation = TabsLocation::Above,
        sizing_mode: Option<SizingMode> = None,
        width: Option<i64> = None,
        height: Option<i64> = None,
        disabled: bool = false,
    }

    /// An element in a framed box under a title; `checkable` gives the title a check box
    /// that enables and disables it, as Bokeh's `GroupBox(title=…, child=…)`.
    pub struct GroupBox("GroupBox") {
        child: AnyId,
        title: Option<String> = None,
        checkable: bool = false,
        disabled: bool = false,
    }

    /// One panel of Tabs: its tab's title and the element it shows.
    pub struct TabPanel("TabPanel") {
        child: AnyId,
        title: String = "",
        /// Whether its tab has a button that removes it from the Tabs.
        closable: bool = false,
        disabled: bool = false,
    }

    /// Empty space.
    pub struct Spacer("Spacer") {
        sizing_mode: Option<SizingMode> = None,
        width: Option<i64> = None,
        height: Option<i64> = None,
    }
}

/// A GridBox child: the element and its cell (Bokeh's `(child, row, col)` or
/// `(child, row, col, row_span, col_span)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GridChild {
    /// The child layout or widget.
    pub child: AnyId,
    /// Its row, from 0 at the top.
    pub row: i64,
    /// Its column, from 0 at the left.
    pub col: i64,
    /// How many rows it spans.
    pub row_span: i64,
    /// How many columns it spans.
    pub col_span: i64,
}

impl GridChild {
    /// `child` in one cell.
    pub fn at(child: impl Into<AnyId>, row: i64, col: i64) -> GridChild {
        GridChild {
            child: child.into(),
            row,
            col,
            row_span: 1,
            col_span: 1,
        }
    }
}

impl PropType for GridChild {
    const KIND: Kind = Kind::Either(&[
        Kind::Tuple(&[Kind::Instance("Model"), Kind::Int, Kind::Int]),
        Kind::Tuple(&[
            Kind::Instance("Model"),
            Kind::Int,
            Kind::Int,
            Kind::Int,
            Kind::Int,
        ]),
    ]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        let mut items = vec![
            self.child.to_value(ids),
            Value::Int(self.row),
            Value::Int(self.col),
        ];
        if (self.row_span, self.col_span) != (1, 1) {
            items.extend([Value::Int(self.row_span), Value::Int(self.col_span)]);
        }
        Value::List(items)
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<GridChild> {
        let items = v.as_list()?;
        let int = |i: usize| items.get(i)?.as_i64();
        let (row_span, col_span) = match items.len() {
            3 => (1, 1),
            5 => (int(3)?, int(4)?),
            _ => return None,
        };
        Some(GridChild {
            child: AnyId::from_value(items.first()?, ids)?,
            row: int(1)?,
            col: int(2)?,
            row_span,
            col_span,
        })
    }
}

/// Bokeh's `row(a, b)`.
pub fn row(doc: &mut Document, children: impl IntoIterator<Item = AnyId>) -> Id<Row> {
    let children = children.into_iter().collect();
    doc.add(Row {
        children,
        ..Row::default()
    })
}

/// Bokeh's `column(a, b)`.
pub fn column(doc: &mut Document, children: impl IntoIterator<Item = AnyId>) -> Id<Column> {
    let children = children.into_iter().collect();
    doc.add(Column {
        children,
        ..Column::default()
    })
}

/// Bokeh's `layout([[a], [b, c]], sizing_mode=…)`: a Column of Rows, one per inner list,
/// every model in it that has no `sizing_mode` of its own given `sizing_mode` (the rows
/// and the column too), as Bokeh's `layout()` gives it.
pub fn layout(
    doc: &mut Document,
    rows: impl IntoIterator<Item = Vec<AnyId>>,
    sizing_mode: SizingMode,
) -> Id<Column> {
    let mode = sizing_mode.to_value(&NoIds);
    let give = |doc: &mut Document, model: AnyId| {
        if doc
            .get_attr(model, "sizing_mode")
            .is_ok_and(|v| v == Value::Null)
        {
            doc.set_attr(model, "sizing_mode", mode.clone())
                .expect("every layout model has a sizing_mode");
        }
    };
    let mut rows_made = Vec::new();
    for cells in rows {
        cells.iter().for_each(|&cell| give(doc, cell));
        let made = row(doc, cells).any();
        give(doc, made);
        rows_made.push(made);
    }
    let made = column(doc, rows_made);
    give(doc, made.any());
    made
}
