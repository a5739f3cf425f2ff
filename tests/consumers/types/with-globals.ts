// The same package where the environment's types declare fetch and AbortSignal (DOM, or
// @types/node): the global fetch fits the client's fetch option, and an AbortController's signal
// its per-call signal.
import { TangoClient } from "tango-orders";
import { createSimulator } from "tango-orders/sim";

const client = new TangoClient({ baseUrl: "https://example.com/raas/v2", fetch: globalThis.fetch, token: "t" });
const controller = new AbortController();
const pending = client.getOrder("RA000-0000-00", { signal: controller.signal });
controller.abort();

// The simulator's fetch answers a full Response here.
const sim = createSimulator();
async function status(): Promise<number> {
  const response: Response = await sim.fetch(`${sim.baseUrl}/orders`);
  return response.status;
}

export { pending, status };
