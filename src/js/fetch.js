// One HTTP attempt over a fetch function, with a per-attempt timeout and the caller's AbortSignal,
// answering a plain object the Rust side reads. Kept in JavaScript because AbortController,
// timers and event listeners are simplest here; the decisions (retries, limits) stay in Rust.
export async function fetchAttempt(fetchFn, url, method, headers, body, timeoutMs, signal) {
  if (signal?.aborted) return { kind: "aborted", sent: false };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const init = { method, headers: Object.fromEntries(headers), signal: controller.signal };
    if (body !== undefined) init.body = body;
    const response = await fetchFn(url, init);
    const text = await response.text();
    // forEach rather than iteration: every Headers has it, including typed test doubles.
    const pairs = [];
    response.headers.forEach((value, name) => pairs.push([name, value]));
    return { kind: "response", status: response.status, headers: pairs, body: text };
  } catch (error) {
    // The error itself is not kept: its message can name the host or echo the request.
    if (signal?.aborted) return { kind: "aborted", sent: true };
    if (timedOut) return { kind: "timeout" };
    return { kind: neverSent(error) ? "unsent" : "network" };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

// Errors that prove the request never left: Node's fetch (undici) names the socket error in
// `cause.code`. Browsers say only "Failed to fetch", which counts as possibly sent.
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "ERR_INVALID_URL"]);
function neverSent(error) {
  const code = error?.cause?.code ?? error?.code;
  return typeof code === "string" && NEVER_SENT.has(code);
}

// Timers cannot be longer than 2^31 - 1 ms (Node and browsers fire a longer one after 1 ms); a
// longer sleep wakes early, and every caller looks at the clock again.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

// A sleep that can be cancelled: the Rust side cancels it when the wait ends otherwise (an abort,
// a queue change), so no timer outlives its wait and keeps a Node process alive.
export function timer(ms) {
  let cancel;
  const promise = new Promise((resolve) => {
    const id = setTimeout(resolve, Math.min(Math.max(ms, 0), LONGEST_TIMER_MS));
    cancel = () => { clearTimeout(id); resolve(); };
  });
  return { promise, cancel };
}

// One promise per signal, resolved when it fires: a single listener however many waits race it.
const abortPromises = new WeakMap();
export function abortPromise(signal) {
  let promise = abortPromises.get(signal);
  if (!promise) {
    promise = new Promise((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener("abort", () => resolve(), { once: true });
    });
    abortPromises.set(signal, promise);
  }
  return promise;
}

export function isAborted(signal) {
  return signal?.aborted === true;
}

// A signal must be an AbortSignal (or look like one): checked once per call.
export function isSignal(value) {
  return typeof value?.aborted === "boolean" && typeof value?.addEventListener === "function";
}

// A page (or worker with a DOM) rather than a server: where a platform key would be public.
export function inBrowser() {
  return typeof window !== "undefined" && typeof window.document !== "undefined";
}

export function randomUnit() {
  const crypto = globalThis.crypto;
  if (crypto?.getRandomValues) {
    const words = crypto.getRandomValues(new Uint32Array(2));
    return (words[0] * 2 ** 21 + (words[1] >>> 11)) / 2 ** 53;
  }
  return Math.random();
}
