// TangoClient's methods: the one list the main entry's lazy client (lazy-client.js) and the client
// module's wrapper (client-wrap.js) both read. The build checks it against the wasm's class.
//
// Each method: `options`, the position of its options argument (where a call's AbortSignal is,
// for the wait while the client module loads); `answer`, how the wrapper turns the wasm's answer
// into the method's: the parser that decodes the body, `null` for an answer passed on as it is,
// or "own" for a method client-wrap.js writes out. An iterator method names instead its class,
// the parser of each page and the page's field that holds the items.
export const CLIENT_METHODS = {
  createOrder: { options: 1, answer: "own" },
  getOrder: { options: 1, answer: "parseOrder" },
  listOrders: { options: 1, answer: "parseOrderListPage" },
  resendOrder: { options: 2, answer: "parseOrderResendResult" },
  listLineItems: { options: 1, answer: "parseLineItemListPage" },
  getLineItem: { options: 1, answer: "parseLineItem" },
  resendLineItem: { options: 2, answer: "parseLineItemResendResult" },
  cancelLineItem: { options: 2, answer: null },
  freezeLineItem: { options: 2, answer: null },
  unfreezeLineItem: { options: 2, answer: null },
  reissueLineItem: { options: 2, answer: "parseOrder" },
  updateLineItem: { options: 2, answer: null },
  listReasonCodes: { options: 0, answer: null },
  getEmbeddedUrl: { options: 1, answer: null },
  waitForOrder: { options: 1, answer: "own" },
  getCatalog: { options: 1, answer: null },
  iterateOrders: { options: 1, iterator: "OrderIterator", pages: "parseOrderListPage", items: "orders" },
  iterateLineItems: { options: 1, iterator: "LineItemIterator", pages: "parseLineItemListPage", items: "lineItems" },
};

/** The client module's functions that are not methods, which the main entry forwards the same way. */
export const CLIENT_FUNCTIONS = ["verifyWebhook"];
