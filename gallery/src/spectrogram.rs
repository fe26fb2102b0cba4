//! Bokeh's "spectrogram" demo: every 80 ms the newest slice of audio, its spectrum (|FFT|)
//! and the power in 16 bands, drawn as a scrolling waterfall, the signal, the spectrum on a
//! log axis and a radial "equalizer"; sliders set the signal's gain and the highest
//! frequency shown. Bokeh's reads a microphone when pyaudio is there and synthesizes an FM
//! tone otherwise; this one always synthesizes (a page asks before it listens). Its
//! waterfall is a ring of spectra drawn as two `Image`s side by side, where Bokeh's draws
//! with a TypeScript extension of its own.

use std::f64::consts::PI;
use std::time::Duration;

use rokeh::core::{Color, Id, NdArray, Spec, Value};
use rokeh::document::{Along, CallbackResult, Document, DocumentError, PatchIndex};
use rokeh::models::{
    column, row, AnnularWedge, ColumnDataSource, Div, Figure, Grid, Image, LayoutDom, Line,
    LinearColorMapper, Range1d, Slider,
};
use rokeh::np::{self, random::Rng};
use rokeh::plotting::{figure, AxisType, FigureArgs, RangeArg};

const NUM_SAMPLES: usize = 1024;
const SAMPLING_RATE: f64 = 44100.0;
const MAX_FREQ: f64 = SAMPLING_RATE / 2.0;
const MAX_FREQ_KHZ: f64 = MAX_FREQ * 0.001;
/// The signal plot's span, in ms (a slice lasts 23 ms; Bokeh's plot shows it stretched).
const TIMESLICE: f64 = 100.0;
const NUM_BINS: usize = 16;
/// Spectra kept in the waterfall, one a column, the newest at the left.
const NUM_GRAMS: usize = 800;
/// Frequencies of a spectrum: the FFT's first half, 0 to the Nyquist frequency.
const GRAM_LENGTH: usize = NUM_SAMPLES / 2;
/// Rings of the equalizer.
const EQ_CLAMP: usize = 20;
const PALETTE: [&str; 9] = [
    "#081d58", "#253494", "#225ea8", "#1d91c0", "#41b6c4", "#7fcdbb", "#c7e9b4", "#edf8b1",
    "#ffffd9",
];
const INK: &str = "#024768";
const GREY: &str = "#eaeaea";
const DESCRIPTION: &str = "<h1 style=\"color: #2e484c; text-transform: uppercase\">A live \
    spectrogram</h1><p>A tone whose frequency is itself swinging (frequency modulation), its \
    pitch, swing and depth wandering at random. Every 80 ms the newest 1024 samples are \
    transformed to their spectrum, which enters the waterfall at the left; below are the \
    samples themselves, their spectrum, and its power in sixteen bands around the dial.</p>";

/// Bokeh's stand-in for a microphone: an FM tone whose carrier, modulating frequency and
/// index drift by random steps from one slice to the next, at a slightly varying amplitude.
pub struct Synth {
    rng: Rng,
    carrier: f64,
    modulator: f64,
    index: f64,
}

impl Synth {
    pub fn new(seed: u64) -> Synth {
        Synth {
            rng: Rng::seed(seed),
            carrier: 2000.0,
            modulator: 1000.0,
            index: 1.0,
        }
    }

    /// The next slice of `NUM_SAMPLES` samples.
    pub fn next_slice(&mut self) -> Vec<f64> {
        let mut drift = |value: f64, step| self.rng.normal1(value, step).max(0.0);
        self.carrier = drift(self.carrier, 50.0);
        self.modulator = drift(self.modulator, 20.0);
        self.index = drift(self.index, 0.1);
        let amplitude = 0.4 + 0.05 * self.rng.random();
        (0..NUM_SAMPLES)
            .map(|i| {
                let t = i as f64 / SAMPLING_RATE;
                let phase = self.index * (2.0 * PI * self.modulator * t).sin();
                amplitude * (2.0 * PI * self.carrier * t + phase).sin()
            })
            .collect()
    }
}

/// |X_k| of the discrete Fourier transform of `signal`, whose length is a power of two
/// (at least 2): an iterative radix-2 FFT over the samples in bit-reversed order.
pub fn fft_magnitudes(signal: &[f64]) -> Vec<f64> {
    let n = signal.len();
    assert!(n.is_power_of_two() && n > 1, "{n} samples");
    let shift = usize::BITS - n.trailing_zeros();
    let (mut re, mut im) = (vec![0.0; n], vec![0.0; n]);
    for (i, &x) in signal.iter().enumerate() {
        re[i.reverse_bits() >> shift] = x;
    }
    let mut len = 2;
    while len <= n {
        let half = len / 2;
        for start in (0..n).step_by(len) {
            for k in 0..half {
                let (sin, cos) = (-2.0 * PI * k as f64 / len as f64).sin_cos();
                let (a, b) = (start + k, start + k + half);
                let (tr, ti) = (re[b] * cos - im[b] * sin, re[b] * sin + im[b] * cos);
                (re[b], im[b]) = (re[a] - tr, im[a] - ti);
                (re[a], im[a]) = (re[a] + tr, im[a] + ti);
            }
        }
        len *= 2;
    }
    re.iter().zip(&im).map(|(r, i)| r.hypot(*i)).collect()
}

/// The integral of samples one unit apart by Simpson's rule, as scipy's `simps`: on an
/// even number of samples, the mean of Simpson's rule over all but the last interval and
/// over all but the first, the interval left out taken as a trapezoid.
pub fn simpson(y: &[f64]) -> f64 {
    let odd = |y: &[f64]| -> f64 {
        let inner: f64 = y[1..y.len() - 1]
            .iter()
            .enumerate()
            .map(|(i, v)| if i % 2 == 0 { 4.0 * v } else { 2.0 * v })
            .sum();
        (y[0] + inner + y[y.len() - 1]) / 3.0
    };
    match y.len() {
        0 | 1 => 0.0,
        2 => (y[0] + y[1]) / 2.0,
        n if n % 2 == 1 => odd(y),
        n => {
            let first = odd(&y[..n - 1]) + (y[n - 2] + y[n - 1]) / 2.0;
            let last = (y[0] + y[1]) / 2.0 + odd(&y[1..]);
            (first + last) / 2.0
        }
    }
}

/// A figure's title, size and ranges, in the demo's look: no tools, `bg` in the frame
/// (the grey outline is set by [`plot`]).
fn args(title: &str, size: (i64, i64), x: RangeArg, y: RangeArg, bg: &str) -> FigureArgs {
    FigureArgs {
        title: title.into(),
        width: size.0,
        height: size.1,
        x_range: x,
        y_range: y,
        tools: String::new(),
        toolbar_location: None,
        background_fill_color: Some(bg.into()),
        ..FigureArgs::default()
    }
}

fn plot(doc: &mut Document, args: FigureArgs) -> Result<Id<Figure>, DocumentError> {
    let p = figure(doc, args);
    doc.set(p, Figure::OUTLINE_LINE_COLOR, Some("#595959".into()))?;
    Ok(p)
}

/// 0 to the highest frequency, in kHz: the Frequency slider moves its end.
fn khz_range(doc: &mut Document) -> Id<Range1d> {
    doc.add(Range1d {
        end: MAX_FREQ_KHZ,
        ..Range1d::default()
    })
}

pub fn spectrogram(doc: &mut Document) -> CallbackResult {
    let desc = doc.add(Div {
        text: DESCRIPTION.into(),
        ..Div::default()
    });
    doc.set(desc, Div::WIDTH, Some(1000))?;

    let freq_range = khz_range(doc);
    let x_range = (0.0, NUM_GRAMS as f64).into();
    let shared = |range: Id<Range1d>| RangeArg::Shared(range.any());
    let waterfall_args = args("", (1000, 300), x_range, shared(freq_range), INK);
    let waterfall_plot = plot(doc, waterfall_args)?;
    let grids = (0..2).flat_map(|d| waterfall_plot.grids(doc, d));
    doc.set_all(grids.collect::<Vec<_>>(), Grid::GRID_LINE_COLOR, None)?;
    // The spectra in a ring, a column each, the newest left of the one before (wrapping
    // round), drawn twice side by side so that the newest is at x = 0 and the oldest at the
    // right edge: as Bokeh's extension moves its tiles, and each slice sends one column,
    // not all 800. Not yet heard: NaN, transparent, so the background shows as in Bokeh's.
    let mut ring = NdArray::from(vec![f64::NAN; GRAM_LENGTH * NUM_GRAMS]);
    ring.shape = vec![GRAM_LENGTH, NUM_GRAMS];
    let waterfall = doc.add(ColumnDataSource::new([
        ("x0", vec![0.0]),
        ("x1", vec![NUM_GRAMS as f64]),
    ]));
    doc.set_columns(
        waterfall,
        vec![("image".into(), Value::List(vec![ring.into()]))],
    )?;
    let mapper = doc.add(LinearColorMapper {
        low: Some(0.0),
        high: Some(5.0),
        nan_color: "#00000000".into(),
        ..LinearColorMapper::new(PALETTE.map(Color::from).to_vec())
    });
    for x in ["x0", "x1"] {
        let image = Image {
            image: Spec::field("image"),
            x: Spec::field(x),
            y: 0.0.into(),
            dw: (NUM_GRAMS as f64).into(),
            dh: MAX_FREQ_KHZ.into(),
            color_mapper: Some(mapper.any()),
            ..Image::default()
        };
        waterfall_plot.image(doc, waterfall, image);
    }

    let line = |x: &str| Line {
        line_color: Some(INK.into()),
        ..Line::new(x, "y")
    };
    let (x_range, y_range) = ((0.0, TIMESLICE).into(), (-0.8, 0.8).into());
    let signal_plot = plot(doc, args("Signal", (600, 200), x_range, y_range, GREY))?;
    let t = np::linspace(0.0, TIMESLICE, NUM_SAMPLES);
    // Each source's "y" (and the equalizer's "alpha") comes with the first slice, below.
    let signal_source = doc.add(ColumnDataSource::new([("t", t)]));
    signal_plot.line(doc, signal_source, line("t"));

    let spectrum_range = khz_range(doc);
    let (x_range, y_range) = (shared(spectrum_range), (1e-4, 1e3).into());
    let spectrum_args = FigureArgs {
        y_axis_type: AxisType::Log,
        ..args("Power Spectrum", (600, 200), x_range, y_range, GREY)
    };
    let spectrum_plot = plot(doc, spectrum_args)?;
    let f = np::linspace(0.0, MAX_FREQ_KHZ, GRAM_LENGTH);
    let spectrum_source = doc.add(ColumnDataSource::new([("f", f)]));
    spectrum_plot.line(doc, spectrum_source, line("f"));

    // A wedge per band and ring: rings 2 to 21 out, each band 90% of its sixteenth.
    let eq_angle = 2.0 * PI / NUM_BINS as f64;
    let per_wedge = |f: &dyn Fn(usize, f64) -> f64| -> Vec<f64> {
        let wedges = (0..NUM_BINS).flat_map(|bin| (0..EQ_CLAMP).map(move |ring| (bin, ring)));
        wedges.map(|(bin, ring)| f(bin, ring as f64)).collect()
    };
    let eq_source = doc.add(ColumnDataSource::new([
        ("inner", per_wedge(&|_, ring| ring + 2.0)),
        ("outer", per_wedge(&|_, ring| ring + 2.95)),
        ("start", per_wedge(&|bin, _| eq_angle * (bin as f64 + 0.05))),
        ("end", per_wedge(&|bin, _| eq_angle * (bin as f64 + 0.95))),
    ]));
    let square = || (-20.0, 20.0).into();
    let eq_args = FigureArgs {
        x_axis_location: None,
        y_axis_location: None,
        ..args("", (400, 400), square(), square(), GREY)
    };
    let eq = plot(doc, eq_args)?;
    let wedges = AnnularWedge {
        x: 0.0.into(),
        y: 0.0.into(),
        inner_radius: Spec::field("inner"),
        outer_radius: Spec::field("outer"),
        start_angle: Spec::field("start"),
        end_angle: Spec::field("end"),
        fill_color: INK.into(),
        fill_alpha: Spec::field("alpha"),
        line_color: Spec::Value(None),
        ..AnnularWedge::default()
    };
    eq.annular_wedge(doc, eq_source, wedges);

    let freq = doc.add(Slider::new("Frequency", MAX_FREQ, 1.0, MAX_FREQ, 1.0));
    let gain = doc.add(Slider::new("Gain", 1.0, 1.0, 20.0, 1.0));
    doc.on_change(freq, Slider::VALUE, move |doc, change| {
        let end = change.new * 0.001;
        doc.set(freq_range, Range1d::END, end)?;
        doc.set(spectrum_range, Range1d::END, end)
    });

    let mut synth = Synth::new(2);
    let mut newest = 0;
    let mut update = move |doc: &mut Document| {
        let signal = synth.next_slice();
        let mut spectrum = fft_magnitudes(&signal);
        spectrum.truncate(GRAM_LENGTH);
        let power: Vec<f64> = spectrum.iter().map(|s| s * s).collect();
        let bands = power.chunks(GRAM_LENGTH / NUM_BINS).map(simpson);

        // The newest spectrum over the oldest, and both copies of the ring one column right.
        newest = (newest + NUM_GRAMS - 1) % NUM_GRAMS;
        let column = PatchIndex::Within {
            row: 0,
            along: vec![Along::ALL, Along::At(newest)],
        };
        let cells = vec![(column, spectrum.clone().into())];
        doc.patch(waterfall, vec![("image".into(), cells)])?;
        let x0 = -(newest as f64);
        let xs = [("x0", x0), ("x1", x0 + NUM_GRAMS as f64)];
        let xs = xs.map(|(name, x)| (name.to_owned(), vec![x].into()));
        doc.set_columns(waterfall, xs.to_vec())?;

        let gain = doc.get(gain, Slider::VALUE);
        let signal: Vec<f64> = signal.iter().map(|s| s * gain).collect();
        doc.set_column(signal_source, "y", signal)?;
        doc.set_column(spectrum_source, "y", spectrum)?;

        // A band lights as many rings as its power's ceiling, fading outwards.
        let alphas = bands.flat_map(|power| {
            let lit = power.ceil().max(0.0) as usize;
            (0..EQ_CLAMP).map(move |ring| match ring < lit {
                true => 1.0 - ring as f64 * 0.05,
                false => 0.0,
            })
        });
        doc.set_column(eq_source, "alpha", alphas.collect::<Vec<f64>>())
    };
    // The first slice at once, so that no plot starts out empty.
    update(doc)?;
    doc.add_periodic_callback(Duration::from_millis(80), update);

    let controls = row(doc, [gain.any(), freq.any()]);
    let lines = column(doc, [signal_plot.any(), spectrum_plot.any()]);
    let below = row(doc, [lines.any(), eq.any()]);
    let plots = column(doc, [waterfall_plot.any(), below.any()]);
    for root in [desc.any(), controls.any(), plots.any()] {
        doc.add_root(root);
    }
    doc.set_title("Spectrogram");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fft_is_the_discrete_fourier_transform() {
        let n = 64;
        let signal: Vec<f64> = (0..n).map(|i| ((i * 37) % 11) as f64 - 5.0).collect();
        let fast = fft_magnitudes(&signal);
        for (k, got) in fast.iter().enumerate() {
            let (re, im) = signal
                .iter()
                .enumerate()
                .fold((0.0, 0.0), |(re, im), (j, x)| {
                    let angle = -2.0 * PI * (j * k) as f64 / n as f64;
                    (re + x * angle.cos(), im + x * angle.sin())
                });
            assert!((got - re.hypot(im)).abs() < 1e-9, "bin {k}: {got}");
        }
    }

    #[test]
    fn the_synthesized_tones_spectrum_peaks_at_its_drifting_carrier() {
        let mut synth = Synth::new(2);
        let bin = SAMPLING_RATE / NUM_SAMPLES as f64;
        let mut carriers = Vec::new();
        for _ in 0..20 {
            let spectrum = fft_magnitudes(&synth.next_slice());
            let peak = (0..GRAM_LENGTH)
                .max_by(|&a, &b| spectrum[a].total_cmp(&spectrum[b]))
                .unwrap();
            assert!((peak as f64 * bin - synth.carrier).abs() < bin, "{peak}");
            carriers.push(synth.carrier);
        }
        assert!(carriers.windows(2).all(|w| w[0] != w[1]), "it drifts");
    }

    #[test]
    fn simpson_is_exact_on_cubics_and_averages_on_an_even_count_as_scipy() {
        let cubic: Vec<f64> = (0..9).map(|x| f64::from(x).powi(3)).collect();
        assert_eq!(simpson(&cubic), 8f64.powi(4) / 4.0);
        // scipy.integrate.simps([1, 4, 9, 16]) (even="avg", its default before 1.11):
        // (26/3 + 25/2 + 5/2 + 56/3) / 2.
        assert!((simpson(&[1.0, 4.0, 9.0, 16.0]) - 127.0 / 6.0).abs() < 1e-12);
    }
}
