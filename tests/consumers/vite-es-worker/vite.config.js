// The one line a Vite app writes to bundle its workers as ES modules instead of iife (the app's own
// choice; tango-orders needs no configuration either way).
export default { worker: { format: "es" } };
