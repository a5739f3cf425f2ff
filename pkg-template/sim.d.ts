// Types of tango-orders/sim: the JavaScript face of the simulator (written by hand: this is the fetch
// shim's API, not a model).
import type { FetchRequestLike, FetchResponse } from "./index.js";

/** Faults to inject, each a probability per request from 0 to 1 (drawn from the seeded source). */
export interface SimulatorFaults {
  /** Added to every answer; a create stays "in progress" (409 for a repeat) this long. */
  latencyMs?: number;
  /** Share of requests answered 500/502/503/504 before anything is done. */
  serverErrorRate?: number;
  /** Share of requests that start a burst of 429s. */
  rateLimitBurstRate?: number;
  /** How many requests a burst of 429s lasts. */
  rateLimitBurstLength?: number;
  /** Share of successful creates whose order is committed but whose answer is lost (fetch rejects). */
  dropAfterCommitRate?: number;
}

// The environment's own fetch types where its type definitions declare them (DOM, @types/node,
// workers), else the parts the client uses, so that these types compile in any project.
type SimulatorFetchInput = typeof globalThis extends { fetch: (input: infer I, init?: any) => any } ? I : string | FetchRequestLike;
type SimulatorFetchInit = typeof globalThis extends { fetch: (input: any, init?: infer I) => any } ? I : SimulatorFetchInitLike;
/** The fetch init fields the simulator reads, for environments whose types declare none. */
interface SimulatorFetchInitLike {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: FetchRequestLike["signal"];
}
type SimulatorResponse = typeof globalThis extends { Response: { prototype: infer R } } ? R : FetchResponse;

export interface SimulatorOptions {
  /** Seed of the random source (IDs, codes, faults): the same seed, the same run. Default 1. */
  seed?: number;
  /** Faults to inject; none by default. */
  faults?: SimulatorFaults;
  /** Time moves only with advanceTime() instead of with the real clock. Default false. */
  virtualClock?: boolean;
  /** Creates allowed per second before a 429. Default 1, Tango's limit. */
  createsPerSecond?: number;
  /** The base URL fetch answers for (any host is accepted). Default "http://tango-sim.local/raas/v2". */
  baseUrl?: string;
  /**
   * Receives the webhook deliveries: each a signed POST `Request` (HMAC subscriptions carry
   * `X-Signed-Payload`), as a receiver's own handler takes it; answer a `Response` or a status. Anything
   * but 200, or a throw, is retried with backoff (1 s, doubling, 6 attempts). Without it, deliveries
   * are dropped (the events stay listable).
   */
  onWebhook?: (request: SimulatorRequest, delivery: { attempt: number }) => SimulatorResponse | number | Promise<SimulatorResponse | number>;
  /** Accept webhook subscriptions to any host; by default only localhost, 127.0.0.1 and [::1]. */
  allowAnyWebhookHost?: boolean;
}

type SimulatorRequest = typeof globalThis extends { Request: { prototype: infer R } } ? R : FetchRequestLike;

export interface Simulator {
  /** A drop-in for the global fetch that answers as Tango would, with no network. */
  fetch(input: SimulatorFetchInput, init?: SimulatorFetchInit): Promise<SimulatorResponse>;
  /** Where the simulated API lives, to configure a client with. */
  baseUrl: string;
  platformName: "demo-platform";
  platformKey: "demo-key";
  token: "demo-token";
  customerIdentifier: "demo-customer";
  accounts: { funded: "demo-account"; frozen: "frozen-account"; empty: "empty-account" };
  utids: { digital: "U000001"; physical: "U000002"; promoLink: "U000003"; fails: "U000004"; slow: "U000005" };
  /** Moves simulated time forward: pending rewards complete, the 1 s and 30 s limits pass. */
  advanceTime(ms: number): void;
  /** The simulated time, in epoch milliseconds. */
  now(): number;
  /** How many orders exist. */
  orderCount(): number;
  /** An account's balance in dollars. */
  balance(account: string): number | undefined;
  /** Replaces the faults to inject. */
  setFaults(faults: SimulatorFaults): void;
  /** Adds past $1.00 orders, one every spacingMs, for paging demos and tests. */
  seedOrders(count: number, spacingMs?: number): void;
  /** Sends the webhook deliveries due now to onWebhook (it also runs after each request and
   * advanceTime); resolves, once they are answered, to how many this round sent. */
  deliverWebhooks(): Promise<number>;
}

/** Starts a simulated Tango with the demo data. */
export function createSimulator(options?: SimulatorOptions): Simulator;
