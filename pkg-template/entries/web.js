// tango-orders/web: the main entry, with the client module loaded from its own .wasm file by
// `await init()` (or `init(url)`, for a file elsewhere such as a CDN). The first load is inlined,
// so validation works at once.
export * from "./index.js";
export { default } from "./web-init.js";
