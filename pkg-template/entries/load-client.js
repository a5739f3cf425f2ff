// How the main entry imports the client's module on a client's first call (tango-orders/web
// replaces this file with load-client.web.js).
export const loadClient = () => import("tango:client");
