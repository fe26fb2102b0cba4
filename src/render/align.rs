//! Plots' frames lined up as BokehJS lines them up (its `GridAlignmentLayout`): the plots
//! of one grid row share their frames' top and bottom edges, those of one column their
//! left and right edges. A GridPlot's and a GridBox's cells are such rows and columns; a
//! Row's plots are one row, a Column's one column, and a Tabs' plots (one in each panel)
//! share all four edges. Only the layout's own children line up: a plot in a Row inside a
//! Column is lined up with the Row's plots, not the Column's. Each side of a plot's frame
//! is as deep as the deepest of that side among the plots it shares it with (a plot
//! without an x axis below gets the room its row's neighbour's axis takes), so their
//! frames start and end together.

use crate::core::PropType;
use crate::document::{AnyId, Document};
use crate::models::{Figure, GridChild};

/// The other Figures lined up with `figure`: those sharing its top and bottom (its row)
/// and those sharing its left and right (its column). Empty for a plot on its own.
pub(crate) struct Neighbours {
    pub row: Vec<AnyId>,
    pub col: Vec<AnyId>,
}

pub(crate) fn neighbours(doc: &Document, figure: AnyId) -> Neighbours {
    let mut found = Neighbours {
        row: Vec::new(),
        col: Vec::new(),
    };
    let refs = |any: AnyId, attr: &str| -> Vec<AnyId> {
        let value = doc.get_attr(any, attr).ok();
        value
            .and_then(|v| Vec::<AnyId>::from_value(&v, doc))
            .unwrap_or_default()
    };
    for (layout, model) in doc.models() {
        // Each layout's children in the cells BokehJS puts them in.
        let cells: Vec<GridChild> = match model.type_name.as_str() {
            "GridPlot" | "GridBox" => doc
                .get_attr(layout, "children")
                .ok()
                .and_then(|v| Vec::<GridChild>::from_value(&v, doc))
                .unwrap_or_default(),
            "Row" => (refs(layout, "children").into_iter().enumerate())
                .map(|(i, child)| GridChild::at(child, 0, i as i64))
                .collect(),
            "Column" => (refs(layout, "children").into_iter().enumerate())
                .map(|(i, child)| GridChild::at(child, i as i64, 0))
                .collect(),
            "Tabs" => (refs(layout, "tabs").into_iter())
                .filter_map(|panel| doc.get_attr(panel, "child").ok())
                .filter_map(|child| AnyId::from_value(&child, doc))
                .map(|child| GridChild::at(child, 0, 0))
                .collect(),
            _ => continue,
        };
        let Some(me) = cells.iter().find(|c| c.child == figure) else {
            continue;
        };
        for cell in &cells {
            let is_figure = doc.typed_id::<Figure>(doc.model_id(cell.child)).is_some();
            if cell.child == figure || !is_figure {
                continue;
            }
            if (cell.row, cell.row_span) == (me.row, me.row_span) {
                found.row.push(cell.child);
            }
            if (cell.col, cell.col_span) == (me.col, me.col_span) {
                found.col.push(cell.child);
            }
        }
    }
    found
}
