//! Bokeh's "taylor" demo: an expression typed in x, drawn beside its Taylor polynomial at
//! 0 of the order a slider picks. Bokeh's uses sympy; this one parses the expression and
//! computes the series by arithmetic on truncated power series (`expression.rs`).

use std::f64::consts::PI;

use rokeh::core::{Id, Spec};
use rokeh::document::{CallbackResult, Document};
use rokeh::models::{
    column, Column, ColumnDataSource, Figure, Legend, LegendItem, Line, PreText, Slider, TextInput,
    Title,
};
use rokeh::np;
use rokeh::plotting::{figure, FigureArgs};

use crate::expression::{polynomial, Expr};

/// The expression shown first, as sympy prints the example's `exp(-xs)*sin(xs)`.
const FIRST: &str = "exp(-x)*sin(x)";
/// Points drawn over [-2π, 2π], as the example's `taylor(..., n=200)`.
const POINTS: usize = 200;

pub fn taylor(doc: &mut Document) -> CallbackResult {
    let source = doc.add(ColumnDataSource::new([
        ("x", np::zeros(0)),
        ("fy", np::zeros(0)),
        ("ty", np::zeros(0)),
    ]));
    let plot = figure(
        doc,
        FigureArgs {
            x_range: (-7.0, 7.0).into(),
            y_range: (-100.0, 200.0).into(),
            width: 800,
            height: 400,
            background_fill_color: Some("lightgrey".into()),
            ..FigureArgs::default()
        },
    );
    let line = |y: &str, color: &str| Line {
        line_color: Some(color.into()),
        line_width: 2.0,
        ..Line::new("x", y)
    };
    let line_f = plot.line(doc, source, line("fy", "navy"));
    let line_t = plot.line(doc, source, line("ty", "firebrick"));
    let items = [line_f, line_t].map(|renderer| {
        doc.add(LegendItem {
            renderers: vec![renderer],
            ..LegendItem::default()
        })
    });
    let legend = doc.add(Legend {
        items: items.to_vec(),
        ..Legend::default()
    });
    plot.add_layout(doc, legend.any());

    let slider = doc.add(Slider::new("Order", 1.0, 1.0, 20.0, 1.0));
    let text = doc.add(TextInput {
        title: "Expression:".into(),
        value: FIRST.into(),
        ..TextInput::default()
    });
    let errbox = doc.add(PreText::default());
    let view = View {
        plot,
        source,
        items,
        slider,
        text,
        errbox,
    };
    doc.on_change(slider, Slider::VALUE, move |doc, _| view.update(doc));
    doc.on_change(text, TextInput::VALUE, move |doc, _| view.update(doc));
    view.update(doc)?;

    let inputs = column(doc, [text.any(), slider.any(), errbox.any()]);
    doc.set(inputs, Column::WIDTH, Some(400))?;
    let layout = column(doc, [inputs.any(), plot.any()]);
    doc.add_root(layout);
    Ok(())
}

/// What the example's `update` reads and writes.
#[derive(Clone, Copy)]
struct View {
    plot: Id<Figure>,
    source: Id<ColumnDataSource>,
    items: [Id<LegendItem>; 2],
    slider: Id<Slider>,
    text: Id<TextInput>,
    errbox: Id<PreText>,
}

impl View {
    /// The expression and its series drawn, or why not in the error box. An expression
    /// that does not parse changes nothing else (the example's callback stops there); one
    /// with no series at 0 (`log(x)`, `1/x`: sympy's would have log or negative powers)
    /// is drawn alone.
    fn update(self, doc: &mut Document) -> CallbackResult {
        let typed = doc.get(self.text, TextInput::VALUE);
        let expr = match typed.parse::<Expr>() {
            Ok(expr) => expr,
            Err(error) => return doc.set(self.errbox, PreText::TEXT, error.to_string()),
        };
        let order = doc.get(self.slider, Slider::VALUE).round().max(0.0) as usize;
        let x = np::linspace(-2.0 * PI, 2.0 * PI, POINTS);
        let fy = x.clone().map(|x| expr.eval(x));
        let (ty, error) = match expr.taylor(order) {
            Ok(c) => (x.clone().map(|x| polynomial(&c, x)), String::new()),
            Err(error) => (np::zeros(POINTS) + f64::NAN, error.to_string()),
        };
        doc.set(self.errbox, PreText::TEXT, error)?;
        let title = format!("Taylor (n={order}) expansion comparison for: {expr}");
        doc.set(self.plot.title(doc), Title::TEXT, title)?;
        let labels = [expr.to_string(), format!("taylor({expr})")];
        for (item, label) in self.items.into_iter().zip(labels) {
            doc.set(item, LegendItem::LABEL, Spec::Value(Some(label)))?;
        }
        doc.set_columns(
            self.source,
            vec![
                ("x".into(), x.into()),
                ("fy".into(), fy.into()),
                ("ty".into(), ty.into()),
            ],
        )
    }
}
