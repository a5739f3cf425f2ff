// A Worker that imports the package inside its handler, so each module is instantiated while a
// request runs, when workerd refuses to compile wasm from bytes ("Wasm code generation disallowed
// by embedder"): only a .wasm imported as a module works there.
import { scenarioResult } from "../scenario.js";
import { receiveWebhook } from "../webhook.js";

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === "/health") return new Response("ok");
    if (pathname === "/receiver") return (await import("./receiver.js")).default.fetch(request, env);
    if (pathname === "/webhook") return receiveWebhook(await import("tango-orders"), request);
    const [main, validate, sim] = await Promise.all([
      import("tango-orders"), import("tango-orders/validate"), import("tango-orders/sim"),
    ]);
    return Response.json(await scenarioResult({ main, validate, sim }));
  },
};
