// The page every bundler builds: the scenario on the page (window.result), and in each worker named
// by the page's `?workers=classic,module` (window.workers[name]).
import * as main from "tango-orders";
import * as validate from "tango-orders/validate";
import * as sim from "tango-orders/sim";
import { scenarioResult } from "./scenario.js";

window.workers = {};
// Written out once per kind: bundlers only see a worker in `new Worker(new URL("…", import.meta.url))`.
const start = {
  classic: () => new Worker(new URL("./worker.js", import.meta.url)),
  module: () => new Worker(new URL("./worker.js", import.meta.url), { type: "module" }),
};
const wanted = new URLSearchParams(location.search).get("workers");
for (const name of wanted ? wanted.split(",") : []) {
  const worker = start[name]();
  worker.onmessage = (event) => { window.workers[name] = event.data; };
  worker.onerror = (event) => { window.workers[name] = { failed: event.message || "worker error" }; };
}
scenarioResult({ main, validate, sim }).then((result) => { window.result = result; });
