//! Bokeh's "duffing_oscillator" demo: a driven, damped oscillator in a double well,
//! integrated as the page runs (a periodic callback streams its phase diagram and, once
//! per period of the driving force, its Poincaré section); sliders set the damping, the
//! forcing's amplitude and its frequency. Its text, slider titles and axis labels are TeX.

use std::f64::consts::PI;
use std::time::Duration;

use rokeh::core::{Id, Spec, Value};
use rokeh::document::{CallbackResult, Document};
use rokeh::models::{column, row, ColumnDataSource, Div, Figure, Line, Paragraph, Scatter, Slider};
use rokeh::plotting::{figure, FigureArgs, GlyphVisuals};

const TIMESTEPS_PER_PERIOD: u64 = 100;
const TIMESTEPS_PER_UPDATE: u64 = 100;
const TIMESTEPS_PER_PLOT: u64 = 2;
const ROLLOVER: usize = 5000;

/// The oscillator: `x'' + δ x' - dV/dx = γ cos ωt` with `dV/dx = x³ - x`, stepped by the
/// demo's implicit finite difference.
struct Oscillator {
    delta: f64,
    gamma: f64,
    omega: f64,
    dt: f64,
    n: u64,
    t: f64,
    x_prev: f64,
    x: f64,
}

impl Oscillator {
    fn new(delta: f64, gamma: f64, omega: f64) -> Oscillator {
        Oscillator {
            delta,
            gamma,
            omega,
            dt: 2.0 * PI / omega / TIMESTEPS_PER_PERIOD as f64,
            n: 0,
            t: 0.0,
            x_prev: 0.0,
            x: 0.0,
        }
    }

    /// One update's steps: the position and speed at every plotted step.
    fn update(&mut self) -> (Vec<f64>, Vec<f64>) {
        let (alpha, beta) = (self.delta / (2.0 * self.dt), 1.0 / (self.dt * self.dt));
        let dv_dx = |x: f64| x.powi(3) - x;
        let (mut xs, mut speeds) = (Vec::new(), Vec::new());
        for _ in 0..TIMESTEPS_PER_UPDATE {
            let x = self.x;
            let forcing = self.gamma * (self.omega * self.t).cos();
            let next = (2.0 * beta * x + (alpha - beta) * self.x_prev - dv_dx(x) + forcing)
                / (alpha + beta);
            self.n += 1;
            self.t += self.dt;
            let speed = (next - self.x_prev) / (2.0 * self.dt);
            self.x_prev = x;
            self.x = next;
            if self.n.is_multiple_of(TIMESTEPS_PER_PLOT) {
                xs.push(next);
                speeds.push(speed);
            }
        }
        (xs, speeds)
    }
}

fn nums(values: Vec<f64>) -> Value {
    values.into()
}

fn plot(doc: &mut Document, title: &str) -> Id<Figure> {
    figure(
        doc,
        FigureArgs {
            title: title.into(),
            width: 600,
            height: 600,
            x_range: (-2.0, 2.0).into(),
            y_range: (-2.0, 2.0).into(),
            toolbar_location: None,
            background_fill_color: Some("#f6f6f6".into()),
            x_axis_label: Some(r"$$x \text{ (m)}$$".into()),
            y_axis_label: Some(r"$$\frac{dx}{dt} \text{ (m/s)}$$".into()),
            ..FigureArgs::default()
        },
    )
}

pub fn duffing_oscillator(doc: &mut Document) -> CallbackResult {
    let (delta, gamma, omega) = (0.25, 0.5, 1.35);
    let phase = doc.add(ColumnDataSource::new([
        ("x", vec![0.0]),
        ("xdot", vec![0.0]),
    ]));
    let poincare = doc.add(ColumnDataSource::new([
        ("x", Vec::<f64>::new()),
        ("xdot", Vec::new()),
    ]));

    let phase_plot = plot(doc, "Phase diagram");
    phase_plot.line(doc, phase, Line::new("x", "xdot").alpha(0.5));
    let section_plot = plot(doc, "Poincaré diagram");
    let dots = Scatter {
        x: Spec::field("x"),
        y: Spec::field("xdot"),
        line_alpha: Spec::Value(0.0),
        fill_alpha: Spec::Value(0.5),
        ..Scatter::default()
    };
    section_plot.scatter(doc, poincare, dots);

    let slider = |doc: &mut Document, tex: &str, value, start, end| {
        doc.add(Slider::new(tex, value, start, end, 0.05))
    };
    let delta_slider = slider(
        doc,
        r"$$\delta \text{ (damping factor, 1/s)}$$",
        delta,
        0.0,
        0.6,
    );
    let gamma_slider = slider(
        doc,
        r"$$\gamma \text{ (amplitude of forcing, m/s}^2)$$",
        gamma,
        0.0,
        0.6,
    );
    let omega_slider = slider(
        doc,
        r"$$\omega \text{ (frequency of forcing, 1/s)}$$",
        omega,
        0.5,
        3.0,
    );

    let oscillator =
        std::sync::Arc::new(std::sync::Mutex::new(Oscillator::new(delta, gamma, omega)));
    for s in [delta_slider, gamma_slider, omega_slider] {
        let oscillator = oscillator.clone();
        doc.on_change(s, Slider::VALUE, move |doc, _| {
            let value = |s| doc.get(s, Slider::VALUE);
            let restarted = Oscillator::new(
                value(delta_slider),
                value(gamma_slider),
                value(omega_slider),
            );
            *oscillator.lock().expect("one thread") = restarted;
            doc.set_columns(
                phase,
                vec![
                    ("x".into(), nums(vec![0.0])),
                    ("xdot".into(), nums(vec![0.0])),
                ],
            )?;
            doc.set_columns(
                poincare,
                vec![("x".into(), nums(vec![])), ("xdot".into(), nums(vec![]))],
            )
        });
    }

    doc.add_periodic_callback(Duration::from_millis(20), move |doc| {
        let mut oscillator = oscillator.lock().expect("one thread");
        let (xs, speeds) = oscillator.update();
        let last = (xs.last().copied(), speeds.last().copied());
        let rows = vec![("x".into(), nums(xs)), ("xdot".into(), nums(speeds))];
        doc.stream(phase, rows, Some(ROLLOVER))?;
        if oscillator.n.is_multiple_of(TIMESTEPS_PER_PERIOD) {
            if let (Some(x), Some(speed)) = last {
                let rows = vec![
                    ("x".into(), nums(vec![x])),
                    ("xdot".into(), nums(vec![speed])),
                ];
                doc.stream(poincare, rows, None)?;
            }
        }
        Ok(())
    });

    let big = Value::Map(vec![(Value::str("font-size"), Value::str("150%"))]);
    let mut text = Vec::new();
    for div in [
        "Duffing oscillator",
        r"$$\frac{d^2x}{dt^2} + \delta \frac{dx}{dt} - \frac{dV}{dx} = \gamma \cos \omega t,$$",
        r"where $$\frac{dV}{dx} = -x^3 + x$$",
    ] {
        let div = doc.add(Div {
            text: div.into(),
            ..Div::default()
        });
        doc.set_attr(div.any(), "styles", big.clone())?;
        text.push(div.any());
    }
    for paragraph in [
        "Equation is integrated forward in time using implicit finite difference method.",
        r"$$x_i$$ is the value of $$x$$ at time $$t_i = i \Delta t$$ for integer $$i$$ and fixed timestep $$\Delta t$$.",
        r"$$x_{i+1}$$ is determined from $$x_{i-1}$$ and $$x_i$$ using",
        r"$$x_{i+1} = \frac{2\beta x_i + (\alpha-\beta) x_{i-1} - \frac{dV}{dx}(x_i) + \gamma \cos \omega t_i}{\alpha+\beta}$$",
        r"where $$\alpha = \frac{\delta}{2\Delta t}$$ and $$\beta = \frac{1}{\Delta t^2}$$",
    ] {
        let p = doc.add(Paragraph {
            text: paragraph.into(),
        });
        text.push(p.any());
    }
    text.extend([delta_slider.any(), gamma_slider.any(), omega_slider.any()]);
    let controls = column(doc, text);
    let layout = row(doc, [controls.any(), phase_plot.any(), section_plot.any()]);
    doc.add_root(layout);
    doc.set_title("Duffing oscillator");
    Ok(())
}
