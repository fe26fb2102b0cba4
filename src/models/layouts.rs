//! Layouts: Row and Column of child models.

use super::{prop, DefaultValue as D, Kind, ModelType, Prop, Schema};
use crate::document::{AnyId, Document, Id, Value};

const LAYOUT_PROPS: &[super::PropDef] = &[
    prop("children", Kind::RefList, D::EmptyList),
    prop("width", Kind::NullableInt, D::Null),
    prop("height", Kind::NullableInt, D::Null),
    prop("spacing", Kind::Int, D::Int(0)),
];

pub(super) static ROW: Schema = Schema {
    name: "Row",
    props: LAYOUT_PROPS,
    check: None,
};

pub(super) static COLUMN: Schema = Schema {
    name: "Column",
    props: LAYOUT_PROPS,
    check: None,
};

fn child_refs(doc: &Document, children: Vec<AnyId>) -> Value {
    Value::List(
        children
            .into_iter()
            .map(|c| Value::Ref(doc.model_id(c).clone()))
            .collect(),
    )
}

/// Children side by side.
pub struct Row {
    pub children: Vec<AnyId>,
}

impl Row {
    pub const CHILDREN: Prop<Row, Vec<AnyId>> = Prop::new("children");
}

impl ModelType for Row {
    const NAME: &'static str = "Row";
    fn into_attrs(self, doc: &mut Document) -> Vec<(&'static str, Value)> {
        vec![("children", child_refs(doc, self.children))]
    }
}

/// Children one above the other.
pub struct Column {
    pub children: Vec<AnyId>,
}

impl Column {
    pub const CHILDREN: Prop<Column, Vec<AnyId>> = Prop::new("children");
}

impl ModelType for Column {
    const NAME: &'static str = "Column";
    fn into_attrs(self, doc: &mut Document) -> Vec<(&'static str, Value)> {
        vec![("children", child_refs(doc, self.children))]
    }
}

/// Bokeh's `row(a, b)`.
pub fn row(doc: &mut Document, children: impl IntoIterator<Item = AnyId>) -> Id<Row> {
    let children = children.into_iter().collect();
    doc.add(Row { children })
}

/// Bokeh's `column(a, b)`.
pub fn column(doc: &mut Document, children: impl IntoIterator<Item = AnyId>) -> Id<Column> {
    let children = children.into_iter().collect();
    doc.add(Column { children })
}
