//! Column math: a million sines (the sliders app at N = 1,000,000) with rokeh::np, over
//! the whole array and a piece at a time (`np::evaluate`, as the app does), against the
//! standard library's `f64::sin` mapped over the column. Native only.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion};
    use rokeh::np;

    fn sines(c: &mut Criterion) {
        let x = np::linspace(0.0, 4.0 * std::f64::consts::PI, 1_000_000);
        let mut group = c.benchmark_group("1M elements");
        group.bench_function("np: a * sin(k * x + w) + b", |b| {
            b.iter(|| 1.5 * np::sin(2.0 * &x + 0.5) + 0.1)
        });
        group.bench_function("np: evaluate(&x, |x| a * sin(k * x + w) + b)", |b| {
            b.iter(|| np::evaluate(&x, |x| 1.5 * np::sin(2.0 * x + 0.5) + 0.1))
        });
        group.bench_function("std: x.iter().map(|x| a * (k * x + w).sin() + b)", |b| {
            b.iter(|| {
                x.iter()
                    .map(|x| 1.5 * (2.0 * x + 0.5).sin() + 0.1)
                    .collect::<Vec<f64>>()
            })
        });
        group.bench_function("np: exp", |b| b.iter(|| np::exp(x.clone())));
        group.bench_function("np: log", |b| b.iter(|| np::log(x.clone() + 1.0)));
        group.finish();
    }

    criterion_group!(benches, sines);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
