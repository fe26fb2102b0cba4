//! A DataCube's rows as BokehJS's `DataCubeProvider` makes them: the source's rows grouped
//! by each GroupingInfo's getter in turn (nested, each level sorted by value), each group
//! totalled by its level's aggregators (SlickGrid's Sum, Avg, Min and Max), flattened
//! into the rows shown (a collapsed group hides what is under it), and the `target`
//! data BokehJS writes from them.

use std::collections::{HashMap, HashSet};

use crate::core::{AnyId, Value};
use crate::document::{Document, DocumentError};

/// What an aggregator computes over a group's values of its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aggregate {
    /// The sum.
    Sum,
    /// The mean.
    Avg,
    /// The least.
    Min,
    /// The greatest.
    Max,
}

/// One of a level's aggregators: Bokeh's `SumAggregator(field_=…)` and its kin.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregator {
    /// What it computes.
    pub aggregate: Aggregate,
    /// The column it computes it over.
    pub field: String,
}

/// One level of grouping: a GroupingInfo.
#[derive(Clone, Debug, PartialEq)]
pub struct Grouping {
    /// The column whose values make the groups.
    pub getter: String,
    /// The totals each group shows.
    pub aggregators: Vec<Aggregator>,
}

/// A group's place in the tree: its value and its ancestors' values, outermost first.
/// It names the group across refreshes, as BokehJS's grouping key does.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GroupPath(Vec<Key>);

/// A value as a grouping key: equal as JavaScript's `Map` finds keys equal (1 and 1.0
/// are one number, every NaN is one key).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Null,
    Bool(bool),
    Number(u64),
    Text(String),
}

impl Key {
    fn of(value: &Value) -> Key {
        match value {
            Value::Null => Key::Null,
            Value::Bool(b) => Key::Bool(*b),
            Value::Str(s) => Key::Text(s.clone()),
            v => match v.as_f64() {
                Some(x) if x.is_nan() => Key::Number(f64::NAN.to_bits()),
                // -0 and 0 are one key.
                Some(x) => Key::Number((x + 0.0).to_bits()),
                None => Key::Text(v.preview()),
            },
        }
    }
}

/// A group of rows with one value of its level's getter.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Where it is in the tree.
    pub path: GroupPath,
    /// Its level: 0 for the outermost groups.
    pub level: usize,
    /// Its rows' value of the level's getter.
    pub value: Value,
    /// The source's rows in it, in the source's order.
    pub rows: Vec<usize>,
    /// Its groups at the next level (none at the last).
    pub groups: Vec<Group>,
    /// Each aggregator's result, in its level's order (`Null` where BokehJS has none).
    pub totals: Vec<(Aggregator, Value)>,
}

impl Group {
    /// What its row shows as its name: the value, or nothing for a falsy one (`0`, `""`,
    /// `false`, null, NaN), as BokehJS writes a group's title.
    pub fn title(&self) -> String {
        let falsy = match &self.value {
            Value::Null | Value::Bool(false) => true,
            Value::Str(s) => s.is_empty(),
            v => v.as_f64().is_some_and(|x| x == 0.0 || x.is_nan()),
        };
        if falsy {
            String::new()
        } else {
            crate::format::plain(&self.value)
        }
    }

    /// The total the group's row shows in the column of `field`: the first of its
    /// aggregators of that field.
    pub fn total(&self, field: &str) -> Option<&Value> {
        self.totals
            .iter()
            .find(|(a, _)| a.field == field)
            .map(|(_, v)| v)
    }
}

/// The source's rows grouped by `groupings`, nested and sorted, with their totals.
pub fn group_rows(doc: &Document, source: AnyId, groupings: &[Grouping]) -> Vec<Group> {
    let rows: Vec<usize> = (0..doc.row_count(source)).collect();
    groups_of(doc, source, groupings, &rows, &[])
}

fn groups_of(
    doc: &Document,
    source: AnyId,
    groupings: &[Grouping],
    rows: &[usize],
    parent: &[Key],
) -> Vec<Group> {
    let level = parent.len();
    let Some(grouping) = groupings.get(level) else {
        return Vec::new();
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<Key, usize> = HashMap::new();
    for &row in rows {
        let value = doc.cell(source, &grouping.getter, row);
        let key = Key::of(&value);
        let at = *by_key.entry(key.clone()).or_insert_with(|| {
            let mut path = parent.to_vec();
            path.push(key);
            groups.push(Group {
                path: GroupPath(path),
                level,
                value,
                rows: Vec::new(),
                groups: Vec::new(),
                totals: Vec::new(),
            });
            groups.len() - 1
        });
        groups[at].rows.push(row);
    }
    for group in &mut groups {
        group.groups = groups_of(doc, source, groupings, &group.rows, &group.path.0);
        group.totals = grouping
            .aggregators
            .iter()
            .map(|a| {
                let values = group.rows.iter().map(|&r| doc.cell(source, &a.field, r));
                (a.clone(), a.aggregate.over(values))
            })
            .collect();
    }
    groups.sort_by(|a, b| order(&a.value, &b.value));
    groups
}

/// The order of two groups' values: numbers by value, text by text, as BokehJS's
/// comparer (`a > b`) orders them; nulls and NaNs, which it cannot order, first.
fn order(a: &Value, b: &Value) -> std::cmp::Ordering {
    let number = |v: &Value| v.as_f64().filter(|x| !x.is_nan());
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (None, Some(_)) if !matches!(a, Value::Str(_)) => std::cmp::Ordering::Less,
        (Some(_), None) if !matches!(b, Value::Str(_)) => std::cmp::Ordering::Greater,
        _ => crate::format::plain(a).cmp(&crate::format::plain(b)),
    }
}

impl Aggregate {
    /// The result over a group's values, as SlickGrid's aggregator stores it: only the
    /// values that are numbers count (not nulls, empty text or NaNs); a sum, a minimum or
    /// a maximum of none is null, as is the mean of none.
    pub fn over(self, values: impl Iterator<Item = Value>) -> Value {
        let numbers = values.filter_map(|v| match &v {
            Value::Str(s) => s.trim().parse::<f64>().ok().map(|x| (x, v)),
            _ => v.as_f64().map(|x| (x, v)),
        });
        let numbers = numbers.filter(|(x, _)| !x.is_nan());
        match self {
            Aggregate::Sum => numbers
                .map(|(x, _)| x)
                .reduce(|a, b| a + b)
                .map_or(Value::Null, Value::Float),
            Aggregate::Avg => {
                let (sum, count) = numbers.fold((0.0, 0usize), |(s, n), (x, _)| (s + x, n + 1));
                if count == 0 {
                    Value::Null
                } else {
                    Value::Float(sum / count as f64)
                }
            }
            // The value as the source holds it, as SlickGrid keeps it.
            Aggregate::Min => numbers
                .reduce(|a, b| if b.0 < a.0 { b } else { a })
                .map_or(Value::Null, |(_, v)| v),
            Aggregate::Max => numbers
                .reduce(|a, b| if b.0 > a.0 { b } else { a })
                .map_or(Value::Null, |(_, v)| v),
        }
    }
}

/// One row a DataCube shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CubeRow<'a> {
    /// A group's row, and whether it shows what is under it.
    Group {
        /// The group.
        group: &'a Group,
        /// Its toggle is open.
        expanded: bool,
    },
    /// A row of the source.
    Leaf(usize),
}

/// The rows shown: each group, and under an expanded one its groups (or, at the last
/// level, its rows). Every group starts collapsed, whatever its GroupingInfo's
/// `collapsed` says, as in BokehJS (which compares `collapsed` with a toggle state it
/// has not set yet); `expanded` holds the groups opened since.
pub fn shown_rows<'a>(groups: &'a [Group], expanded: &HashSet<GroupPath>) -> Vec<CubeRow<'a>> {
    let mut rows = Vec::new();
    push_rows(groups, expanded, &mut rows);
    rows
}

fn push_rows<'a>(groups: &'a [Group], expanded: &HashSet<GroupPath>, rows: &mut Vec<CubeRow<'a>>) {
    for group in groups {
        let open = expanded.contains(&group.path);
        rows.push(CubeRow::Group {
            group,
            expanded: open,
        });
        if open {
            if group.groups.is_empty() {
                rows.extend(group.rows.iter().map(|&r| CubeRow::Leaf(r)));
            } else {
                push_rows(&group.groups, expanded, rows);
            }
        }
    }
}

/// The `target` data BokehJS writes for the rows shown: `row_indices` (a group's rows, a
/// leaf's row) and `labels` (a group's title, a leaf's value of `label_field`, the first
/// column's field).
pub fn target_data(doc: &Document, source: AnyId, rows: &[CubeRow], label_field: &str) -> Value {
    let index = |r: usize| Value::Int(r as i64);
    let (indices, labels): (Vec<Value>, Vec<Value>) = rows
        .iter()
        .map(|row| match row {
            CubeRow::Group { group, .. } => (
                Value::List(group.rows.iter().map(|&r| index(r)).collect()),
                Value::Str(group.title()),
            ),
            CubeRow::Leaf(r) => (index(*r), doc.cell(source, label_field, *r)),
        })
        .unzip();
    Value::Map(vec![
        (Value::str("row_indices"), Value::List(indices)),
        (Value::str("labels"), Value::List(labels)),
    ])
}

/// Writes the rows shown into `target`, as BokehJS does whenever it refreshes a cube
/// with groups (one without any leaves `target` as it was).
pub fn write_target(
    doc: &mut Document,
    source: AnyId,
    target: AnyId,
    rows: &[CubeRow],
    label_field: &str,
) -> Result<(), DocumentError> {
    if rows.is_empty() {
        return Ok(());
    }
    let data = target_data(doc, source, rows, label_field);
    doc.set_attr(target, "data", data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::ColumnDataSource;

    fn source(doc: &mut Document, columns: Vec<(&str, Value)>) -> AnyId {
        let cds = ColumnDataSource::default();
        let id = doc.add(cds).any();
        let data = Value::Map(
            columns
                .into_iter()
                .map(|(k, v)| (Value::str(k), v))
                .collect(),
        );
        doc.set_attr(id, "data", data).unwrap();
        id
    }

    fn strs(xs: &[&str]) -> Value {
        Value::List(xs.iter().map(|s| Value::str(*s)).collect())
    }

    fn sum(field: &str) -> Aggregator {
        Aggregator {
            aggregate: Aggregate::Sum,
            field: field.into(),
        }
    }

    /// Bokeh's examples/interaction/widgets/data_cube.py.
    fn example(doc: &mut Document) -> (AnyId, Vec<Grouping>) {
        let px = Value::List((1..=7).map(|i| Value::Int(i * 10)).collect());
        let source = source(
            doc,
            vec![
                ("d0", strs(&["A", "E", "E", "E", "J", "L", "M"])),
                ("d1", strs(&["B", "D", "D", "H", "K", "L", "N"])),
                ("d2", strs(&["C", "F", "G", "H", "K", "L", "O"])),
                ("px", px),
            ],
        );
        let groupings = ["d0", "d1"]
            .map(|getter| Grouping {
                getter: getter.into(),
                aggregators: vec![sum("px")],
            })
            .to_vec();
        (source, groupings)
    }

    fn titles(rows: &[CubeRow]) -> Vec<String> {
        rows.iter()
            .map(|r| match r {
                CubeRow::Group { group, .. } => format!("{}:{}", group.title(), group.level),
                CubeRow::Leaf(i) => i.to_string(),
            })
            .collect()
    }

    #[test]
    fn nested_groups_with_their_sums_as_bokehs_example_shows_them() {
        let mut doc = Document::new();
        let (source, groupings) = example(&mut doc);
        let groups = group_rows(&doc, source, &groupings);
        let top: Vec<(String, Value)> = groups
            .iter()
            .map(|g| (g.title(), g.total("px").cloned().unwrap()))
            .collect();
        let want = [
            ("A", 10.0),
            ("E", 90.0),
            ("J", 50.0),
            ("L", 60.0),
            ("M", 70.0),
        ];
        assert_eq!(
            top,
            want.map(|(t, x)| (t.to_owned(), Value::Float(x))).to_vec()
        );
        let e = &groups[1];
        assert_eq!(e.rows, [1, 2, 3]);
        let inner: Vec<_> = e
            .groups
            .iter()
            .map(|g| (g.title(), g.rows.clone()))
            .collect();
        assert_eq!(inner, [("D".into(), vec![1, 2]), ("H".into(), vec![3])]);
        assert_eq!(e.groups[0].total("px"), Some(&Value::Float(50.0)));

        // All collapsed at first; E opened shows D and H; D opened shows its rows.
        let mut open = HashSet::new();
        assert_eq!(
            titles(&shown_rows(&groups, &open)),
            ["A:0", "E:0", "J:0", "L:0", "M:0"]
        );
        open.insert(e.path.clone());
        open.insert(e.groups[0].path.clone());
        let rows = shown_rows(&groups, &open);
        assert_eq!(
            titles(&rows),
            ["A:0", "E:0", "D:1", "1", "2", "H:1", "J:0", "L:0", "M:0"]
        );
        // Its target, as BokehJS writes it then.
        let data = target_data(&doc, source, &rows, "d2");
        let ints = |xs: &[i64]| Value::List(xs.iter().map(|&i| Value::Int(i)).collect());
        let indices = vec![
            ints(&[0]),
            ints(&[1, 2, 3]),
            ints(&[1, 2]),
            Value::Int(1),
            Value::Int(2),
            ints(&[3]),
            ints(&[4]),
            ints(&[5]),
            ints(&[6]),
        ];
        assert_eq!(data.map_get("row_indices"), Some(&Value::List(indices)));
        let labels = strs(&["A", "E", "D", "F", "G", "H", "J", "L", "M"]);
        assert_eq!(data.map_get("labels"), Some(&labels));
        // A group inside a collapsed one stays open, unseen.
        open.remove(&e.path);
        assert_eq!(titles(&shown_rows(&groups, &open)).len(), 5);
    }

    #[test]
    fn each_aggregator_skips_what_is_not_a_number() {
        let values = || {
            [
                Value::Int(1),
                Value::Float(f64::NAN),
                Value::Null,
                Value::str(""),
                Value::str("x"),
                Value::Float(6.0),
                Value::str("2"),
            ]
            .into_iter()
        };
        assert_eq!(Aggregate::Sum.over(values()), Value::Float(9.0));
        assert_eq!(Aggregate::Avg.over(values()), Value::Float(3.0));
        assert_eq!(Aggregate::Min.over(values()), Value::Int(1));
        assert_eq!(Aggregate::Max.over(values()), Value::Float(6.0));
        let none = || [Value::Float(f64::NAN), Value::Null].into_iter();
        for aggregate in [
            Aggregate::Sum,
            Aggregate::Avg,
            Aggregate::Min,
            Aggregate::Max,
        ] {
            assert_eq!(aggregate.over(none()), Value::Null, "{aggregate:?}");
        }
    }

    #[test]
    fn nan_and_numbers_group_as_javascript_keys_them_and_sort_first() {
        let mut doc = Document::new();
        let g = Value::List(vec![
            Value::Float(2.0),
            Value::Float(f64::NAN),
            Value::Int(2),
            Value::Float(-1.0),
            Value::Float(f64::NAN),
            Value::Float(0.0),
        ]);
        let v = Value::List((0..6).map(Value::Int).collect());
        let source = source(&mut doc, vec![("g", g), ("v", v)]);
        let grouping = Grouping {
            getter: "g".into(),
            aggregators: vec![
                Aggregator {
                    aggregate: Aggregate::Avg,
                    field: "v".into(),
                },
                Aggregator {
                    aggregate: Aggregate::Max,
                    field: "v".into(),
                },
            ],
        };
        let groups = group_rows(&doc, source, &[grouping]);
        let rows: Vec<_> = groups.iter().map(|g| g.rows.clone()).collect();
        assert_eq!(rows, [vec![1, 4], vec![3], vec![5], vec![0, 2]]);
        // NaN and 0 are falsy: no title.
        let titles: Vec<_> = groups.iter().map(Group::title).collect();
        assert_eq!(titles, ["", "-1", "", "2"]);
        // The column shows its first aggregator's total.
        assert_eq!(groups[0].total("v"), Some(&Value::Float(2.5)));
        assert_eq!(groups[0].totals[1].1, Value::Int(4));
        assert_eq!(groups[0].total("g"), None);
    }

    #[test]
    fn an_empty_source_has_no_groups_and_leaves_the_target() {
        let mut doc = Document::new();
        let source = source(&mut doc, vec![("d0", strs(&[])), ("px", strs(&[]))]);
        let target = self::source(
            &mut doc,
            vec![("row_indices", strs(&[])), ("labels", strs(&[]))],
        );
        let (_, groupings) = example(&mut Document::new());
        let groups = group_rows(&doc, source, &groupings);
        assert!(groups.is_empty());
        let rows = shown_rows(&groups, &HashSet::new());
        doc.take_changes();
        write_target(&mut doc, source, target, &rows, "d0").unwrap();
        assert!(doc.take_changes().is_empty());
        // No grouping: no groups either.
        let (source, _) = example(&mut doc);
        assert!(group_rows(&doc, source, &[]).is_empty());
    }
}
