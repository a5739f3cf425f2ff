// tango-orders' client module: TangoClient and verifyWebhook, imported by the main entry on a client's first
// call; its answers decoded by client-wrap.js.
import { TangoClient as WasmClient, __responseDecodeError } from "tango:module";

export { verifyWebhook } from "tango:module";
import { wrapClient } from "../client-wrap.js";

export const TangoClient = wrapClient(WasmClient, __responseDecodeError);
