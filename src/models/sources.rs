//! Data sources: the columns glyphs draw.

use crate::core::{AnyId, ColumnData, Id, Ids, Kind, NdArray, PropType, Value};
use crate::document::Document;

use super::Selection;

models! {
    /// A table of named columns of equal length, like Bokeh's
    /// `ColumnDataSource(data=dict(x=x, y=y))`.
    pub struct ColumnDataSource("ColumnDataSource") {
        data: ColumnData = ColumnData::default(),
    }
    check = |_, attr, new| match attr {
        "data" => check_rectangular(new),
        _ => Ok(()),
    };

    /// Columns read from a GeoJSON text, like Bokeh's `GeoJSONDataSource(geojson=…)`:
    /// points in `x`, `y` (and `z`), lines' and polygons' outlines in `xs`, `ys`, each
    /// feature's properties in columns of their own, as BokehJS reads them. A text that
    /// is not such GeoJSON is refused with the reason.
    pub struct GeoJSONDataSource("GeoJSONDataSource") {
        geojson: String,
    }
    check = |_, attr, new| match (attr, new.as_str()) {
        ("geojson", Some(text)) => super::geojson::columns(text).map(|_| ()),
        _ => Ok(()),
    };
    columns = ("geojson", |geojson| {
        geojson
            .as_str()
            .and_then(|text| super::geojson::columns(text).ok())
            .unwrap_or(Value::Map(Vec::new()))
    });
}

impl GeoJSONDataSource {
    /// A source of the features (or geometries) of `geojson`.
    pub fn new(geojson: impl Into<String>) -> GeoJSONDataSource {
        GeoJSONDataSource {
            geojson: geojson.into(),
        }
    }
}

impl ColumnDataSource {
    /// A source of numeric columns: `ColumnDataSource::new([("x", x), ("y", y)])`.
    pub fn new<A: Into<NdArray>>(columns: impl IntoIterator<Item = (&'static str, A)>) -> Self {
        let columns = columns
            .into_iter()
            .map(|(name, col)| (name.to_owned(), Value::Array(col.into())))
            .collect();
        ColumnDataSource {
            data: ColumnData(columns),
        }
    }
}

/// Every column must have as many rows as the first.
fn check_rectangular(data: &Value) -> Result<(), String> {
    let Value::Map(entries) = data else {
        return Ok(());
    };
    let mut expected: Option<(&str, usize)> = None;
    for (name, col) in entries {
        let (name, len) = (name.as_str().unwrap_or("?"), col.rows().unwrap_or(0));
        match expected {
            None => expected = Some((name, len)),
            Some((first, n)) if n != len => {
                return Err(format!(
                    "column '{name}' has {len} rows where column '{first}' has {n}"
                ))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

impl Id<ColumnDataSource> {
    /// The source's Selection (Python's `source.selected`): `Document::add` makes it with
    /// the source, as Bokeh does.
    pub fn selected(self, doc: &Document) -> Id<Selection> {
        SourceId::from(self).selected(doc)
    }
}

/// A reference to any of Bokeh's data sources (Bokeh's `Instance(DataSource)`): a
/// ColumnDataSource, a GeoJSONDataSource, or one rokeh has no definition of whose
/// columns are its `data` (an AjaxDataSource's first ones). What renderers, annotations
/// and tables draw from; `Id<ColumnDataSource>` and `Id<GeoJSONDataSource>` convert.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SourceId(AnyId);

impl SourceId {
    /// The untyped handle of the source.
    pub fn any(self) -> AnyId {
        self.0
    }

    /// The source's Selection (Python's `source.selected`).
    pub fn selected(self, doc: &Document) -> Id<Selection> {
        let selection = doc.get_attr(self.0, "selected").ok();
        selection
            .as_ref()
            .and_then(|v| match v {
                Value::Ref(id) => doc.typed_id(id),
                _ => None,
            })
            .expect("a source in a document has its Selection")
    }
}

impl From<Id<ColumnDataSource>> for SourceId {
    fn from(id: Id<ColumnDataSource>) -> SourceId {
        SourceId(id.any())
    }
}

impl From<Id<GeoJSONDataSource>> for SourceId {
    fn from(id: Id<GeoJSONDataSource>) -> SourceId {
        SourceId(id.any())
    }
}

impl From<SourceId> for AnyId {
    fn from(id: SourceId) -> AnyId {
        id.0
    }
}

impl PropType for SourceId {
    const KIND: Kind = Kind::Instance("DataSource");
    fn to_value(self, ids: &dyn Ids) -> Value {
        self.0.to_value(ids)
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<SourceId> {
        ids.is_instance(v.as_ref_id()?, "DataSource")
            .then(|| AnyId::from_value(v, ids).map(SourceId))
            .flatten()
    }
}
