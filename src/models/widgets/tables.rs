//! Tables: DataTable shows a ColumnDataSource's rows, one TableColumn per shown column;
//! cell formatters say how a value is written, cell editors how it is edited. DataCube
//! shows them grouped, each GroupingInfo a level of groups with its aggregators' totals.

use crate::core::{AnyId, Dict, Id, Value};

use super::super::callbacks::Arg;
use super::super::SourceId;

models! {
    /// A table of a source's rows, like Bokeh's `DataTable(source=…, columns=[…])`:
    /// sortable by column, rows selected as the source's `selected.indices`, cells
    /// editable with `editable`.
    pub struct DataTable("DataTable") {
        source: Option<SourceId> = None,
        columns: Vec<Id<TableColumn>> = Vec::new(),
        width: Option<i64> = Some(600),
        height: Option<i64> = Some(400),
        row_height: i64 = 25,
        editable: bool = false,
        sortable: bool = true,
        /// `true`, `false` or `"checkbox"`.
        selectable: Value = true,
        multi_selectable: bool = true,
        /// Where the row-number column goes (`None`: no such column).
        index_position: Option<i64> = Some(0),
        index_header: String = "#",
        index_width: i64 = 40,
        header_row: bool = true,
        disabled: bool = false,
    }

    /// A DataTable whose rows are grouped by each of `grouping`'s getters in turn (nested),
    /// each group a row of its value and its aggregators' totals, expanded and collapsed
    /// by its toggle, like Bokeh's `DataCube(source=…, columns=[…], grouping=[…],
    /// target=…)`. The rows shown are written into `target` (`row_indices`, `labels`).
    pub struct DataCube("DataCube") {
        source: Option<SourceId> = None,
        columns: Vec<Id<TableColumn>> = Vec::new(),
        grouping: Vec<Id<GroupingInfo>> = Vec::new(),
        target: SourceId,
        width: Option<i64> = Some(600),
        height: Option<i64> = Some(400),
        row_height: i64 = 25,
        editable: bool = false,
        sortable: bool = true,
        /// `true`, `false` or `"checkbox"`.
        selectable: Value = true,
        multi_selectable: bool = true,
        index_position: Option<i64> = Some(0),
        index_header: String = "#",
        index_width: i64 = 40,
        header_row: bool = true,
        disabled: bool = false,
    }

    /// One level of a DataCube's groups: rows with the same value of the source's column
    /// `getter`, totalled by `aggregators` (Sum, Avg, Min and Max aggregators).
    pub struct GroupingInfo("GroupingInfo") {
        getter: String = "",
        aggregators: Vec<AnyId> = Vec::new(),
        collapsed: bool = false,
    }

    /// A group's sum of the column `field_`.
    pub struct SumAggregator("SumAggregator") {
        field_: String = "",
    }

    /// A group's mean of the column `field_` (its numbers only).
    pub struct AvgAggregator("AvgAggregator") {
        field_: String = "",
    }

    /// A group's least value of the column `field_`.
    pub struct MinAggregator("MinAggregator") {
        field_: String = "",
    }

    /// A group's greatest value of the column `field_`.
    pub struct MaxAggregator("MaxAggregator") {
        field_: String = "",
    }

    /// One column of a DataTable: the source's `field`, under `title`.
    pub struct TableColumn("TableColumn") {
        field: String,
        title: Option<String> = None,
        width: i64 = 300,
        /// A cell formatter (Bokeh makes a StringFormatter when none is given).
        formatter: Option<AnyId> = None,
        /// A cell editor (Bokeh makes a StringEditor when none is given).
        editor: Option<AnyId> = None,
        sortable: bool = true,
        visible: bool = true,
        /// How its values compare when the table sorts by it: a NanCompare or a
        /// CustomJSCompare (none: numbers by value, text by text).
        sorter: Option<AnyId> = None,
    }

    /// Compares numbers by value, NaNs after every other (before, `ascending_first`), as
    /// Bokeh's `NanCompare`.
    pub struct NanCompare("NanCompare") {
        ascending_first: bool = false,
    }

    /// Compares values by JavaScript run in the page: `code` is the body of a function of
    /// `x`, `y` and `args`' names returning a negative number, zero or a positive one
    /// (Bokeh's `CustomJSCompare`; `views::CUSTOM_JS_COMPARE`).
    pub struct CustomJSCompare("CustomJSCompare") {
        args: Dict<Arg> = Dict::default(),
        code: String = "",
    }

    /// Writes values as text; nulls and NaNs as given.
    pub struct StringFormatter("StringFormatter") {
        nan_format: String = "NaN",
        null_format: String = "(null)",
    }

    /// Writes numbers with a numbro format (`"0,0"`, `"0.00"`, `"0.0%"`, `"$0,0.00"`).
    pub struct NumberFormatter("NumberFormatter") {
        format: String = "0,0",
        nan_format: String = "-",
        null_format: String = "-",
    }

    /// Writes datetimes (milliseconds since the epoch, or ISO strings) with a named
    /// format ("ISO-8601", "RFC-822", …) or a strftime one ("%Y-%m-%d").
    pub struct DateFormatter("DateFormatter") {
        format: String = "ISO-8601",
        nan_format: String = "-",
        null_format: String = "-",
    }

    /// Writes HTML from a template: `<%= value %>` is the cell's value, `<%= name %>`
    /// that row's value of column `name` (`<%- … %>` escapes it).
    pub struct HTMLTemplateFormatter("HTMLTemplateFormatter") {
        template: String = "<%= value %>",
    }

    /// Edits text.
    pub struct StringEditor("StringEditor") {
        completions: Vec<String> = Vec::new(),
    }

    /// Edits a number, stepping by `step`.
    pub struct NumberEditor("NumberEditor") {
        step: f64 = 0.01,
    }

    /// Edits a whole number.
    pub struct IntEditor("IntEditor") {
        step: i64 = 1,
    }
}

impl DataCube {
    /// A cube of `source`'s rows under `columns`, grouped by `grouping`, writing the rows
    /// it shows into `target`; the rest as Bokeh's defaults.
    pub fn new(
        source: SourceId,
        columns: Vec<Id<TableColumn>>,
        grouping: Vec<Id<GroupingInfo>>,
        target: SourceId,
    ) -> DataCube {
        DataCube {
            source: Some(source),
            columns,
            grouping,
            target,
            width: Some(600),
            height: Some(400),
            row_height: 25,
            editable: false,
            sortable: true,
            selectable: Value::Bool(true),
            multi_selectable: true,
            index_position: Some(0),
            index_header: "#".into(),
            index_width: 40,
            header_row: true,
            disabled: false,
        }
    }
}

impl TableColumn {
    /// A column showing `field` under `title`, formatted and edited as Bokeh's default.
    pub fn new(field: &str, title: &str) -> TableColumn {
        TableColumn {
            field: field.to_owned(),
            title: Some(title.to_owned()),
            width: 300,
            formatter: None,
            editor: None,
            sortable: true,
            visible: true,
            sorter: None,
        }
    }
}
