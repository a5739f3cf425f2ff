// One create-throughput measurement in a fresh process (so the heap of the other benchmarks does
// not pause it): `node throughput.mjs <sim binary> <per second> <creates>`. Starts tango-sim on
// loopback with that create limit and a fresh client at the same limit, places the creates at once,
// and prints JSON: { seconds, efficiency, limited, answerMs } where efficiency = achieved rate ÷ limit.
import { TangoClient } from "tango-orders";
import { startSimulator } from "./sim-process.mjs";

const [simBin, perSecondText, countText] = process.argv.slice(2);
const perSecond = Number(perSecondText), n = Number(countText);
const { baseUrl, stop } = await startSimulator(simBin, ["--creates-per-second", String(perSecond)]);
const statuses = [], creates = [];
const client = new TangoClient({ baseUrl, platformName: "demo-platform", platformKey: "demo-key",
  ordersPerSecond: perSecond, logger: (event) => { statuses.push(event.status); if (event.method === "POST") creates.push(event.durationMs); } });
const order = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 25, deliveryMethod: "NONE" };
const startedAt = performance.now();
await Promise.all(Array.from({ length: n }, () => client.createOrder(order)));
const seconds = (performance.now() - startedAt) / 1000;
stop();
// n creates at the limit need (n - 1) intervals between the first and the last start.
// Each create's time to answer, as the client saw it: what the queue's margin works from.
const answers = creates.sort((a, b) => a - b);
const at = (q) => answers[Math.min(answers.length - 1, Math.floor(q * answers.length))];
console.log(JSON.stringify({ seconds, efficiency: (n - 1) / perSecond / seconds, limited: statuses.filter((s) => s === 429).length,
  answerMs: { median: at(0.5), p90: at(0.9), max: at(1) } }));
