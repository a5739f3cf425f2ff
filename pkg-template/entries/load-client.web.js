// tango-orders/web imports the client's module once init() has instantiated its .wasm file.
import init from "./web-init.js";

export const loadClient = () => init().then(() => import("tango:client"));
