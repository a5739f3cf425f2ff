// tango-orders/webhooks: verifyWebhook and createWebhookLedger alone, for a receiver that needs
// nothing else (the main entry imports this module on verifyWebhook's first call). The wasm checks
// a delivery's signature; webhook-read.js reads the verified body as an event.
import { __verifyWebhook, __responseDecodeError } from "tango:module";
import { makeVerifyWebhook } from "../webhook-read.js";

export { isTangoError, TangoError } from "../errors.js";
export { createWebhookLedger } from "../webhook-ledger.js";
export const verifyWebhook = makeVerifyWebhook(__verifyWebhook, (body, path, missing) => __responseDecodeError(body, path, missing, undefined));
