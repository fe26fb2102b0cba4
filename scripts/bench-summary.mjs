// The tables `make bench` ends with: every `SUMMARY | what | rokeh | reference | ratio |
// target | met` line the benchmarks printed into the run's log (argv[2]), in order; then
// the criterion benchmarks this run measured (argv[3]: criterion's directory; only results
// newer than the file argv[4], touched when the run started).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [log, criterionDir, startedFile] = process.argv.slice(2);
const rows = readFileSync(log, 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('SUMMARY | '))
  .map((line) => line.split(' | ').slice(1));
rows.push(...criterionRows());
console.log('\n# make bench: summary (each figure as measured in this run)\n');
console.log('| figure | rokeh | reference, same run | rokeh / reference | target | |');
console.log('|---|---|---|---|---|---|');
for (const cells of rows) console.log(`| ${cells.join(' | ')} |`);
const missed = rows.filter((cells) => cells.at(-1) === 'MISSED').length;
console.log(`\n${rows.length} figures with a target: ${rows.length - missed} met, ${missed} missed.`);

/** Criterion's result folders (those holding `new/estimates.json`) under `dir`. */
function results(dir) {
  if (!existsSync(join(dir, 'new', 'estimates.json'))) {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'report')
      .flatMap((e) => results(join(dir, e.name)));
  }
  return [dir];
}

const time = (ns) =>
  ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;

if (criterionDir && startedFile && existsSync(criterionDir)) {
  const since = statSync(startedFile).mtimeMs;
  const measured = results(criterionDir)
    .filter((dir) => statSync(join(dir, 'new', 'estimates.json')).mtimeMs >= since)
    .map((dir) => ({
      id: JSON.parse(readFileSync(join(dir, 'new', 'benchmark.json'), 'utf8')).full_id,
      estimates: JSON.parse(readFileSync(join(dir, 'new', 'estimates.json'), 'utf8')),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  console.log('\n# criterion (native, this run): median time per iteration, 95% interval\n');
  console.log('| benchmark | median | interval |');
  console.log('|---|---|---|');
  for (const { id, estimates } of measured) {
    const { point_estimate, confidence_interval: ci } = estimates.median;
    console.log(`| ${id.replaceAll("|", "\\|")} | ${time(point_estimate)} | ${time(ci.lower_bound)} – ${time(ci.upper_bound)} |`);
  }
}

/**
 * Criterion figures with a target, as summary rows (median; ns). Only those this run
 * measured: an older result would not be this run's figure.
 */
function criterionRows() {
  const targets = [
    ['hover hit-test, 1000000-point line', 'hover hit-test at 1M points (native, criterion median)', 1e6, '<= 1 ms (well under a frame)'],
    ['hover hit-test, figure of 20 quad renderers', 'hover hit-test over 20 quad renderers (native, criterion median)', 1e6, '<= 1 ms'],
  ];
  if (!criterionDir || !startedFile || !existsSync(criterionDir)) return [];
  const since = statSync(startedFile).mtimeMs;
  const byId = new Map(
    results(criterionDir)
      .filter((dir) => statSync(join(dir, 'new', 'estimates.json')).mtimeMs >= since)
      .map((dir) => [JSON.parse(readFileSync(join(dir, 'new', 'benchmark.json'), 'utf8')).full_id, dir]),
  );
  return targets.flatMap(([id, what, target, label]) => {
    if (!byId.has(id)) return [];
    const ns = JSON.parse(readFileSync(join(byId.get(id), 'new', 'estimates.json'), 'utf8')).median.point_estimate;
    const shown = ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`;
    return [[what, shown, '', '', label, ns <= target ? 'met' : 'MISSED']];
  });
}
