// The fetch shim around the simulator's wasm core: turns a fetch call into the raw request the
// simulator reads, and its answer into a Response, applying injected latency and dropped answers
// the way a network would. All of Tango's behaviour lives in the wasm core; this file only converts.

/** The demo data every simulator starts with. */
export const DEMO = Object.freeze({
  platformName: "demo-platform",
  platformKey: "demo-key",
  token: "demo-token",
  customerIdentifier: "demo-customer",
  accounts: Object.freeze({ funded: "demo-account", frozen: "frozen-account", empty: "empty-account" }),
  utids: Object.freeze({ digital: "U000001", physical: "U000002", promoLink: "U000003", fails: "U000004", slow: "U000005" }),
});

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, Math.min(ms, 2 ** 31 - 1)); // longer timers fire at once
    signal?.addEventListener("abort", () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
}

export function makeCreateSimulator(SimulatorHandle) {
  return function createSimulator(options = {}) {
    const { onWebhook } = options;
    if (onWebhook !== undefined && typeof onWebhook !== "function") {
      throw new TypeError("tango-orders/sim: onWebhook must be a function (request) => Response | number");
    }
    const handle = new SimulatorHandle({
      seed: options.seed ?? 1,
      faults: options.faults ?? {},
      virtualClock: options.virtualClock ?? false,
      createsPerSecond: options.createsPerSecond ?? 1,
      allowAnyWebhookHost: options.allowAnyWebhookHost === true,
    });
    const baseUrl = (options.baseUrl ?? "http://tango-sim.local/raas/v2").replace(/\/$/, "");

    // Webhook deliveries: each due one goes to onWebhook as a Request (the receiver's own handler
    // can take it as it is); anything but a 200 (a Response's status, or a number) is retried with
    // backoff by the core. Without onWebhook, deliveries are dropped once taken (the events stay
    // listable). One round at a time, chained, so deliverWebhooks() waits for the earlier ones.
    let rounds = Promise.resolve(0);
    let wakeUp;
    async function deliveryRound() {
      const due = handle.takeDeliveries();
      await Promise.all(due.map(async (delivery) => {
        let answeredOk = onWebhook === undefined;
        if (!answeredOk) {
          try {
            const request = new Request(delivery.url, { method: "POST", headers: delivery.headers, body: delivery.body });
            const answer = await onWebhook(request, { attempt: delivery.attempt });
            answeredOk = (typeof answer === "number" ? answer : answer?.status) === 200;
          } catch {
            // A receiver that throws did not answer 200: retried, as Tango retries.
          }
        }
        handle.deliveryDone(delivery.token, answeredOk);
      }));
      // On the real clock, wake up for the next retry; a virtual clock moves with advanceTime.
      const next = handle.nextDeliveryDueMs();
      clearTimeout(wakeUp);
      if (next !== undefined && !options.virtualClock) {
        wakeUp = setTimeout(deliverWebhooks, Math.max(0, next - handle.nowMs()));
        wakeUp.unref?.();
      }
      return due.length;
    }
    function deliverWebhooks() {
      rounds = rounds.then(deliveryRound, deliveryRound);
      return rounds;
    }

    async function fetch(input, init) {
      const request = new Request(input, init);
      if (request.signal?.aborted) throw request.signal.reason;
      const body = new Uint8Array(await request.arrayBuffer());
      const answer = handle.handle(request.method, request.url, [...request.headers], body);
      void deliverWebhooks();
      if (answer.delayMs > 0) await sleep(answer.delayMs, request.signal);
      if (answer.dropped) {
        // As undici says when a connection breaks: the order was committed, the answer is lost.
        throw new TypeError("fetch failed", { cause: new Error("tango-sim dropped the response after committing the order") });
      }
      const noBody = answer.status === 204 || answer.status === 304;
      return new Response(noBody ? null : answer.body, { status: answer.status, headers: answer.headers });
    }

    const simulator = {
      fetch,
      baseUrl,
      ...DEMO,
      advanceTime: (ms) => {
        handle.advanceTime(ms);
        void deliverWebhooks();
      },
      deliverWebhooks,
      now: () => handle.nowMs(),
      orderCount: () => handle.orderCount(),
      balance: (account) => {
        const cents = handle.balanceCents(account);
        return cents === undefined ? undefined : cents / 100;
      },
      setFaults: (faults) => handle.setFaults(faults ?? {}),
      seedOrders: (count, spacingMs = 60_000) => handle.seedOrders(count, spacingMs),
    };
    // For `tango-orders sim` (cli-sim.js) only, not part of the API: the request as the HTTP server
    // read it (raw target, headers, bytes) straight to the core, as the Rust binary hands it,
    // without fetch's URL normalizing (which would resolve `..` and re-encode the path first).
    Object.defineProperty(simulator, RAW_HANDLE, {
      value: (method, target, headers, body) => {
        const answer = handle.handle(method, target, headers, body);
        void deliverWebhooks();
        return answer;
      },
    });
    return simulator;
  };
}

/** The key of the simulator's raw entry point (a registered symbol: the CLI and the bundled entry
 * each have their own copy of this file). */
export const RAW_HANDLE = Symbol.for("tango-orders.sim.raw-handle");
