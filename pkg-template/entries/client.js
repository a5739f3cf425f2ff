// tango-orders' client module: TangoClient and verifyWebhook, imported by the main entry on a
// client's (or verifyWebhook's) first call; the wasm's answers read by client-wrap.js and
// webhook-read.js.
import { TangoClient as WasmClient, __responseDecodeError, __verifyWebhook } from "tango:module";
import { wrapClient } from "../client-wrap.js";
import { makeVerifyWebhook } from "../webhook-read.js";

export const TangoClient = wrapClient(WasmClient, __responseDecodeError);
export const verifyWebhook = makeVerifyWebhook(__verifyWebhook, (body, path, missing) => __responseDecodeError(body, path, missing, undefined));
