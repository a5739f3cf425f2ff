// A Worker that imports the package at the top of its module: each entry's module is instantiated
// when the Worker starts.
import * as main from "tango-orders";
import * as validate from "tango-orders/validate";
import * as sim from "tango-orders/sim";
import { scenarioResult } from "../scenario.js";
import { receiveWebhook } from "../webhook.js";
import receiver from "./receiver.js";

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === "/health") return new Response("ok");
    if (pathname === "/receiver") return receiver.fetch(request, env);
    if (pathname === "/webhook") return receiveWebhook(main, request);
    return Response.json(await scenarioResult({ main, validate, sim }));
  },
};
