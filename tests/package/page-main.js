// The module a browser page runs in the browser tests: it imports the package by name (through an
// import map in the plain page, through Vite's resolution in the bundled one) and records results.
import * as tango from "tango-orders";

const order = tango.parseOrder('{"referenceOrderID":"RA1","status":"COMPLETE","deliveryMethod":"EMAIL"}');
let error;
try {
  tango.parseOrder("{");
} catch (e) {
  error = { name: e.name, kind: e.kind, isError: e instanceof Error };
}
window.result = {
  source: tango.orderSource(order.referenceOrderID),
  derived: tango.deriveOrderStatus(["COMPLETE", "FAILED"]),
  resendable: tango.canResendOrder(order),
  error,
};
