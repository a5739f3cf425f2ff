// One HTTP attempt over a fetch function, with a per-attempt timeout and the caller's AbortSignal,
// answering a plain object the Rust side reads. Kept in JavaScript because AbortController,
// timers and event listeners are simplest here; the decisions (retries, limits) stay in Rust.
export async function fetchAttempt(fetchFn, url, method, headers, body, timeoutMs, signal) {
  if (signal?.aborted) return { kind: "aborted" };
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
    return { kind: "response", status: response.status, headers: [...response.headers], body: text };
  } catch {
    // The error itself is not kept: its message can name the host or echo the request.
    if (signal?.aborted) return { kind: "aborted" };
    if (timedOut) return { kind: "timeout" };
    return { kind: "network" };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
