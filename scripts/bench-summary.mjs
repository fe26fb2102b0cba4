// The table `make bench` ends with: every `SUMMARY | what | rokeh | reference | ratio |
// target | met` line the benchmarks printed into the run's log (argv[2]), in order.
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('SUMMARY | '))
  .map((line) => line.split(' | ').slice(1));
console.log('\n# make bench: summary (each figure as measured in this run)\n');
console.log('| figure | rokeh | reference, same run | rokeh / reference | target | |');
console.log('|---|---|---|---|---|---|');
for (const cells of rows) console.log(`| ${cells.join(' | ')} |`);
const missed = rows.filter((cells) => cells.at(-1) === 'MISSED').length;
console.log(`\n${rows.length} figures with a target: ${rows.length - missed} met, ${missed} missed.`);
