//! Bokeh JSON speed: a ColumnDataSource of 1,000,000 f64 rows encoded and decoded through
//! binary buffers (target ≥ 1 GB/s) and inline base64 (≥ 200 MB/s); and ColumnsStreamed
//! of 1,000 rows into sources of 10k, 100k and 1M rows with rollover, whose time should
//! not grow with the source. Figures are printed, never asserted.
//!
//! Run: `cargo bench --bench json` (add `-- --quick` for a short run).

// Native only: criterion is a dev-dependency of native builds.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
    use rokeh::document::json::{
        apply_json_events, changes_to_json, to_json, BufferMode, SyncedModels,
    };
    use rokeh::document::{Actor, Document, Id, NdArray, Value};
    use rokeh::models::ColumnDataSource;

    const ROWS: usize = 1_000_000;

    fn source_doc(rows: usize) -> (Document, Id<ColumnDataSource>) {
        let mut doc = Document::new();
        let y: Vec<f64> = (0..rows).map(|i| (i as f64 * 1e-3).sin()).collect();
        let source = doc.add(ColumnDataSource::new([("y", y)]));
        doc.add_root(source);
        doc.take_changes();
        (doc, source)
    }

    fn encode_decode(c: &mut Criterion) {
        let (doc, _) = source_doc(ROWS);
        let mut group = c.benchmark_group("cds_1M_f64");
        group.throughput(Throughput::Bytes((ROWS * 8) as u64));
        group.sample_size(10);
        for (name, mode) in [
            ("binary", BufferMode::Binary),
            ("base64", BufferMode::Inline),
        ] {
            group.bench_function(format!("{name}/encode"), |b| {
                b.iter(|| black_box(to_json(&doc, mode)))
            });
            let encoded = to_json(&doc, mode);
            let text = serde_json::to_string(&encoded.json).unwrap();
            group.bench_function(format!("{name}/decode"), |b| {
                b.iter(|| {
                    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
                    black_box(Document::from_json(&json, &encoded.buffers).unwrap())
                })
            });
        }
        group.finish();
    }

    fn stream_with_rollover(c: &mut Criterion) {
        const NEW_ROWS: usize = 1_000;
        let mut group = c.benchmark_group("stream_1000_rows_rollover");
        for len in [10_000, 100_000, 1_000_000] {
            let (mut doc, source) = source_doc(len);
            let rows: Vec<f64> = (0..NEW_ROWS).map(|i| i as f64).collect();
            let rows = Value::Array(NdArray::from(rows));
            group.bench_with_input(BenchmarkId::from_parameter(len), &len, |b, &len| {
                b.iter(|| {
                    doc.stream(source, vec![("y".into(), rows.clone())], Some(len))
                        .unwrap();
                    black_box(doc.take_changes())
                })
            });
        }
        group.finish();
    }

    /// The same stream as a peer sends it: a ColumnsStreamed event with a binary buffer,
    /// decoded and applied (all or nothing).
    fn stream_event_with_rollover(c: &mut Criterion) {
        const NEW_ROWS: usize = 1_000;
        let mut group = c.benchmark_group("apply_streamed_event_1000_rows_rollover");
        for len in [10_000, 100_000, 1_000_000] {
            let (mut doc, source) = source_doc(len);
            let rows: Vec<f64> = (0..NEW_ROWS).map(|i| i as f64).collect();
            doc.stream(
                source,
                vec![("y".into(), Value::Array(NdArray::from(rows)))],
                Some(len),
            )
            .unwrap();
            let changes = doc.take_changes();
            let synced = SyncedModels::of(&doc);
            let event = changes_to_json(&doc, &changes, &synced, BufferMode::Binary);
            group.bench_with_input(BenchmarkId::from_parameter(len), &len, |b, _| {
                b.iter(|| {
                    doc.acting_as(Actor::LOCAL, |d| {
                        apply_json_events(d, &event.json, &event.buffers)
                    })
                    .unwrap();
                    black_box(doc.take_changes())
                })
            });
        }
        group.finish();
    }

    criterion_group!(
        benches,
        encode_decode,
        stream_with_rollover,
        stream_event_with_rollover
    );
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
