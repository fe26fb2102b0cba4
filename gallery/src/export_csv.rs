//! Bokeh's "export_csv" demo: a table of salaries within a RangeSlider's range, and a
//! button whose JavaScript callback downloads the rows shown as a CSV file.

use rokeh::core::{Dict, Value};
use rokeh::document::{CallbackResult, Document, EventKind};
use rokeh::models::{
    column, row, Button, ButtonType, ColumnDataSource, CustomJS, DataTable, NumberFormatter,
    RangeSlider, TableColumn,
};

use crate::data::{self, data_path};

/// The app's data file, for `App::with_files`.
pub const SALARY_FILE: &str = data_path!("salary_data.csv");

/// The download, run by the page when the button is clicked: the source's rows as CSV.
const DOWNLOAD: &str = r#"
const columns = ['name', 'salary', 'years_experience']
const rows = source.data.name.length
const lines = [columns.join(',')]
for (let i = 0; i < rows; i++) {
  lines.push(columns.map((c) => String(source.data[c][i])).join(','))
}
const blob = new Blob([lines.join('\n') + '\n'], { type: 'text/csv;charset=utf-8;' })
const link = document.createElement('a')
link.href = URL.createObjectURL(blob)
link.download = 'data_result.csv'
link.dispatchEvent(new MouseEvent('click'))
"#;

pub fn export_csv(doc: &mut Document) -> CallbackResult {
    let source = doc.add(ColumnDataSource::default());
    let salaries = (10000.0, 50000.0);
    let slider = doc.add(RangeSlider::new(
        "Max Salary",
        salaries,
        10000.0,
        110000.0,
        1000.0,
    ));
    doc.set_attr(slider.any(), "format", Value::str("0,0"))?;
    let update = move |doc: &mut Document| {
        let (low, high) = doc.get(slider, RangeSlider::VALUE);
        let table = data::salaries();
        let shown: Vec<usize> = (0..table.salary.len())
            .filter(|&i| (low..=high).contains(&table.salary[i]))
            .filter(|&i| !table.years_experience[i].is_nan())
            .collect();
        let pick =
            |column: &[f64]| Value::from(shown.iter().map(|&i| column[i]).collect::<Vec<_>>());
        let names = shown
            .iter()
            .map(|&i| table.name[i].clone())
            .collect::<Vec<_>>();
        doc.set_columns(
            source,
            vec![
                ("name".into(), names.into()),
                ("salary".into(), pick(&table.salary)),
                ("years_experience".into(), pick(&table.years_experience)),
            ],
        )
    };
    update(doc)?;
    doc.on_change(slider, RangeSlider::VALUE, move |doc, _| update(doc));

    let button = doc.add(Button {
        label: "Download".into(),
        button_type: ButtonType::Success,
        ..Button::default()
    });
    let download = doc.add(CustomJS {
        args: Dict(vec![("source".into(), source.into())]),
        code: DOWNLOAD.into(),
    });
    doc.js_on_event(button, EventKind::ButtonClick, download)?;

    let dollars = doc.add(NumberFormatter {
        format: "$0,0.00".into(),
        ..NumberFormatter::default()
    });
    let columns = vec![
        doc.add(TableColumn::new("name", "Employee Name")),
        doc.add(TableColumn {
            formatter: Some(dollars.any()),
            ..TableColumn::new("salary", "Income")
        }),
        doc.add(TableColumn::new("years_experience", "Experience (years)")),
    ];
    let table = doc.add(DataTable {
        source: Some(source.into()),
        columns,
        width: Some(800),
        ..DataTable::default()
    });
    let controls = column(doc, [slider.any(), button.any()]);
    let layout = row(doc, [controls.any(), table.any()]);
    doc.add_root(layout);
    doc.set_title("Export CSV");
    Ok(())
}
