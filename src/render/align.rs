//! A GridPlot's frames lined up as BokehJS lines them up: the plots in one row of the
//! grid share their frames' top and bottom edges, those in one column their left and
//! right edges. Each side of a plot's frame is as deep as the deepest of that side among
//! the plots it shares it with (a plot without an x axis below gets the room its row's
//! neighbour's axis takes), so their frames start and end together.

use crate::core::PropType;
use crate::document::{AnyId, Document};
use crate::models::GridChild;

/// The other Figures of the GridPlot holding `figure`: those in its row (which share its
/// top and bottom) and those in its column (its left and right). Empty outside a grid.
pub(crate) struct Neighbours {
    pub row: Vec<AnyId>,
    pub col: Vec<AnyId>,
}

pub(crate) fn neighbours(doc: &Document, figure: AnyId) -> Neighbours {
    let mut found = Neighbours {
        row: Vec::new(),
        col: Vec::new(),
    };
    let cells = doc
        .models()
        .filter(|(_, m)| m.type_name == "GridPlot")
        .filter_map(|(id, _)| doc.get_attr(id, "children").ok())
        .filter_map(|v| Vec::<GridChild>::from_value(&v, doc))
        .find(|cells| cells.iter().any(|c| c.child == figure));
    let Some(cells) = cells else { return found };
    let Some(me) = cells.iter().find(|c| c.child == figure) else {
        return found;
    };
    for cell in &cells {
        let is_figure = doc
            .typed_id::<crate::models::Figure>(doc.model_id(cell.child))
            .is_some();
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
    found
}
