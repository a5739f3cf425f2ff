// How the examples reach Tango: TANGO_BASE_URL (with TANGO_PLATFORM_NAME / TANGO_PLATFORM_KEY, or the
// simulator's demo credentials) — e.g. `make sim` and TANGO_BASE_URL=http://127.0.0.1:4010/raas/v2 —
// or, when it is not set, a simulator in this process: no account and no network needed.
import { TangoClient } from "tango-orders";
import { createSimulator } from "tango-orders/sim";

export function connect(options = {}) {
  const baseUrl = process.env.TANGO_BASE_URL;
  if (baseUrl) {
    return new TangoClient({
      baseUrl,
      platformName: process.env.TANGO_PLATFORM_NAME ?? "demo-platform",
      platformKey: process.env.TANGO_PLATFORM_KEY ?? "demo-key",
      ...options,
    });
  }
  const sim = createSimulator();
  return new TangoClient({ baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: sim.platformKey,
    fetch: sim.fetch, ...options });
}

export const CUSTOMER = process.env.TANGO_CUSTOMER ?? "demo-customer";
export const ACCOUNT = process.env.TANGO_ACCOUNT ?? "demo-account";
