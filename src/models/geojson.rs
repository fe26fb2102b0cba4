//! A GeoJSON text as columns, as BokehJS's GeoJSONDataSource reads it: one row per
//! geometry of a `FeatureCollection` (a feature's `GeometryCollection` gives a row per
//! member) or of a `GeometryCollection`; points in `x`, `y`, `z`, lines and polygons'
//! exterior rings in `xs`, `ys`, `zs` (several of one row, a MultiLineString's or a
//! MultiPolygon's, joined by NaN), each feature's properties in a column of their own
//! (NaN where a row lacks one). Holes and MultiPoints are left out, as BokehJS leaves them.

use serde_json::Value as Json;

use crate::core::{NdArray, Value};

/// The columns `geojson` describes, or why it describes none.
pub(crate) fn columns(geojson: &str) -> Result<Value, String> {
    let json: Json =
        serde_json::from_str(geojson).map_err(|e| format!("geojson is not JSON: {e}"))?;
    let items = match json["type"].as_str() {
        Some("FeatureCollection") => members(&json, "features")?,
        Some("GeometryCollection") => members(&json, "geometries")?,
        _ => {
            return Err(
                "geojson must be a FeatureCollection or a GeometryCollection, as Bokeh's is".into(),
            )
        }
    };
    // (a geometry, the feature whose it is) per row.
    let mut rows: Vec<(&Json, Option<&Json>)> = Vec::new();
    for item in items {
        let feature = (item["type"] == "Feature").then_some(item);
        let geometry = feature.map_or(item, |f| &f["geometry"]);
        match geometry["type"].as_str() {
            Some("GeometryCollection") => rows.extend(
                members(geometry, "geometries")?
                    .iter()
                    .map(|g| (g, feature)),
            ),
            _ => rows.push((geometry, feature)),
        }
    }
    let n = rows.len();
    let mut table = Table {
        x: vec![f64::NAN; n],
        y: vec![f64::NAN; n],
        z: vec![f64::NAN; n],
        xs: vec![Vec::new(); n],
        ys: vec![Vec::new(); n],
        zs: vec![Vec::new(); n],
        properties: Vec::new(),
    };
    for (i, (geometry, feature)) in rows.into_iter().enumerate() {
        table.geometry(i, geometry)?;
        if let Some(Json::Object(properties)) = feature.map(|f| &f["properties"]) {
            for (name, value) in properties {
                table.property(n, i, name, value);
            }
        }
    }
    Ok(table.into_columns())
}

/// The non-empty list `key` of a collection.
fn members<'j>(collection: &'j Json, key: &str) -> Result<&'j [Json], String> {
    match collection[key].as_array() {
        Some(items) if !items.is_empty() => Ok(items),
        Some(_) => Err(format!("geojson's {key} must have one or more items")),
        None => Err(format!("geojson has no {key}")),
    }
}

struct Table {
    x: Vec<f64>,
    y: Vec<f64>,
    z: Vec<f64>,
    xs: Vec<Vec<f64>>,
    ys: Vec<Vec<f64>>,
    zs: Vec<Vec<f64>>,
    /// Each property's column, in the order first seen.
    properties: Vec<(String, Vec<Value>)>,
}

/// A position's coordinate `k` (NaN when missing).
fn coordinate(position: &Json, k: usize) -> f64 {
    position[k].as_f64().unwrap_or(f64::NAN)
}

impl Table {
    fn geometry(&mut self, i: usize, geometry: &Json) -> Result<(), String> {
        let coordinates = &geometry["coordinates"];
        let list = |json: &Json| json.as_array().cloned().unwrap_or_default();
        let rings: Vec<Vec<Json>> = match geometry["type"].as_str() {
            Some("Point") => {
                self.x[i] = coordinate(coordinates, 0);
                self.y[i] = coordinate(coordinates, 1);
                self.z[i] = coordinate(coordinates, 2);
                return Ok(());
            }
            Some("MultiPoint") => return Ok(()),
            Some("LineString") => vec![list(coordinates)],
            // The exterior ring; holes are left out.
            Some("Polygon") => vec![list(&coordinates[0])],
            Some("MultiLineString") => list(coordinates).iter().map(list).collect(),
            Some("MultiPolygon") => list(coordinates).iter().map(|p| list(&p[0])).collect(),
            other => {
                return Err(format!(
                    "geojson has a geometry of type {}, which is not one of GeoJSON's",
                    other.map_or_else(|| "null".to_owned(), |t| format!("'{t}'"))
                ))
            }
        };
        for (k, ring) in rings.iter().enumerate() {
            for (column, values) in [&mut self.xs, &mut self.ys, &mut self.zs]
                .into_iter()
                .enumerate()
            {
                if k > 0 {
                    values[i].push(f64::NAN);
                }
                values[i].extend(ring.iter().map(|p| coordinate(p, column)));
            }
        }
        Ok(())
    }

    fn property(&mut self, rows: usize, i: usize, name: &str, value: &Json) {
        let at = match self.properties.iter().position(|(n, _)| n == name) {
            Some(at) => at,
            None => {
                let empty = vec![Value::Float(f64::NAN); rows];
                self.properties.push((name.to_owned(), empty));
                self.properties.len() - 1
            }
        };
        self.properties[at].1[i] = match value {
            Json::Null => Value::Float(f64::NAN),
            Json::Number(n) => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
            other => Value::from_plain_json(other),
        };
    }

    fn into_columns(self) -> Value {
        let lists = |rows: Vec<Vec<f64>>| {
            Value::List(
                rows.into_iter()
                    .map(|r| Value::Array(NdArray::from(r)))
                    .collect(),
            )
        };
        let mut columns = vec![
            ("x".to_owned(), Value::Array(NdArray::from(self.x))),
            ("y".to_owned(), Value::Array(NdArray::from(self.y))),
            ("z".to_owned(), Value::Array(NdArray::from(self.z))),
            ("xs".to_owned(), lists(self.xs)),
            ("ys".to_owned(), lists(self.ys)),
            ("zs".to_owned(), lists(self.zs)),
        ];
        for (name, values) in self.properties {
            // Numbers (and gaps) as a column of numbers; anything else as a list.
            let numbers: Option<Vec<f64>> = values.iter().map(Value::as_f64).collect();
            let column = match numbers {
                Some(numbers) => Value::Array(NdArray::from(numbers)),
                None => Value::List(values),
            };
            // A property named like a geometry column ("x") takes its place: BokehJS
            // writes it into that column.
            match columns.iter_mut().find(|(n, _)| *n == name) {
                Some(existing) => existing.1 = column,
                None => columns.push((name, column)),
            }
        }
        Value::Map(
            columns
                .into_iter()
                .map(|(name, column)| (Value::Str(name), column))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column<'v>(columns: &'v Value, name: &str) -> &'v Value {
        columns
            .map_get(name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    fn numbers(v: &Value) -> Vec<f64> {
        match v {
            Value::Array(a) => a.as_f64().unwrap().to_vec(),
            other => panic!("not numbers: {other:?}"),
        }
    }

    fn same(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| x == y || (x.is_nan() && y.is_nan()))
    }

    #[test]
    fn features_become_rows_as_bokehjs_reads_them() {
        let geojson = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]},
             "properties": {"name": "a", "pop": 10}},
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1, 5]]},
             "properties": {"name": "b", "pop": null}},
            {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [
                [[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]]},
             "properties": {"area": 16}},
            {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[0, 0], [1, 0], [0, 1], [0, 0]]], [[[5, 5], [6, 5], [5, 6], [5, 5]]]]},
             "properties": {}},
            {"type": "Feature", "geometry": {"type": "GeometryCollection", "geometries": [
                {"type": "Point", "coordinates": [7, 8]},
                {"type": "MultiPoint", "coordinates": [[1, 1]]}]},
             "properties": {"name": "g"}}
        ]}"#;
        let columns = columns(geojson).unwrap();
        let nan = f64::NAN;
        // Six rows: a feature's GeometryCollection gives one per member.
        assert!(same(
            &numbers(column(&columns, "x")),
            &[1.0, nan, nan, nan, 7.0, nan]
        ));
        assert!(same(
            &numbers(column(&columns, "y")),
            &[2.0, nan, nan, nan, 8.0, nan]
        ));
        let Value::List(xs) = column(&columns, "xs") else {
            panic!("xs is a list");
        };
        assert!(same(&numbers(&xs[1]), &[0.0, 1.0]));
        // The exterior ring only; a MultiPolygon's rings joined by NaN.
        assert!(same(&numbers(&xs[2]), &[0.0, 4.0, 4.0, 0.0]));
        assert!(same(
            &numbers(&xs[3]),
            &[0.0, 1.0, 0.0, 0.0, nan, 5.0, 6.0, 5.0, 5.0]
        ));
        assert!(numbers(&xs[5]).is_empty(), "a MultiPoint is left out");
        let Value::List(zs) = column(&columns, "zs") else {
            panic!("zs is a list");
        };
        assert!(same(&numbers(&zs[1]), &[nan, 5.0]));
        // Properties: numbers (null and missing as NaN) as numbers, others as a list.
        assert!(same(
            &numbers(column(&columns, "pop")),
            &[10.0, nan, nan, nan, nan, nan]
        ));
        assert!(same(
            &numbers(column(&columns, "area")),
            &[nan, nan, 16.0, nan, nan, nan]
        ));
        let Value::List(names) = column(&columns, "name") else {
            panic!("names are a list");
        };
        assert_eq!(names[0], Value::str("a"));
        assert_eq!((&names[4], &names[5]), (&Value::str("g"), &Value::str("g")));
        assert_eq!(names[2], Value::Float(nan));
    }

    #[test]
    fn what_bokehjs_refuses_is_refused_with_the_reason() {
        let refused = |text: &str| columns(text).unwrap_err();
        assert!(refused("{").contains("not JSON"));
        assert!(refused(r#"{"type": "Feature"}"#).contains("FeatureCollection"));
        assert!(refused(r#"{"type": "FeatureCollection", "features": []}"#).contains("one or more"));
        assert!(refused(
            r#"{"type": "GeometryCollection", "geometries": [{"type": "Circle", "coordinates": [0, 0]}]}"#
        )
        .contains("'Circle'"));
    }
}
