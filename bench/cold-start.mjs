// Cold start against bare Node, from a small process of its own: `node cold-start.mjs` prints
// `{ "coldMs": …, "bareMs": … }`, medians of 11 interleaved rounds of fresh processes (measure.mjs
// `cold`: import tango-orders and validate once; `bare`: Node alone). Run apart from run.mjs, whose
// heap (bulk rows, a decoded page) made every process it started slower to start, by a varying
// amount: one run there gave +24 ms where this gives +9 ms.
import { spawnSync } from "node:child_process";

const here = new URL(".", import.meta.url).pathname;
const wall = (which) => {
  const started = performance.now();
  spawnSync(process.execPath, [`${here}measure.mjs`, which], { cwd: here });
  return performance.now() - started;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cold = [], bare = [];
for (let round = 0; round < 11; round++) {
  // Alternating order, so that drift within a round falls on both alike.
  if (round % 2) { bare.push(wall("bare")); cold.push(wall("cold")); }
  else { cold.push(wall("cold")); bare.push(wall("bare")); }
}
console.log(JSON.stringify({ coldMs: median(cold), bareMs: median(bare) }));
