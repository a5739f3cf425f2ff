// tango-orders' client module: TangoClient alone, imported by the main entry on a client's first
// call; its answers decoded by client-wrap.js.
import { TangoClient as WasmClient, __responseDecodeError } from "tango:module";
import { wrapClient } from "../client-wrap.js";

export const TangoClient = wrapClient(WasmClient, __responseDecodeError);
