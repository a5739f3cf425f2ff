// tango-orders' client module: TangoClient, imported by the main entry on a client's first call;
// the wasm's answers read by client-wrap.js (and the webhook calls' by webhook-read.js).
import { TangoClient as WasmClient, __responseDecodeError } from "tango:module";
import { wrapClient } from "../client-wrap.js";

export const TangoClient = wrapClient(WasmClient, __responseDecodeError);
