// TangoClient's methods: the one list the main entry's lazy client (lazy-client.js) and the client
// module's wrapper (client-wrap.js) both read. The build checks it against the wasm's class.
//
// Each method: `options`, the position of its options argument (where a call's AbortSignal is,
// for the wait while the client module loads); `answer`, how the wrapper turns the wasm's answer
// into the method's: the parser that decodes the body, `null` for an answer passed on as it is,
// or "own" for a method client-wrap.js writes out. An iterator method names instead its class,
// the parser of each page and the page's field that holds the items. The webhook calls' answers
// are read by webhook-read.js's readers (`readWebhook`, …), which only the client module carries.
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
  createWebhook: { options: 1, answer: "readWebhookExpiry" },
  listWebhooks: { options: 1, answer: "readWebhookPage" },
  getWebhook: { options: 1, answer: "readWebhook" },
  updateWebhook: { options: 2, answer: "readWebhook" },
  deleteWebhook: { options: 1, answer: "nothing" },
  renewWebhook: { options: 1, answer: "readWebhookExpiry" },
  listWebhookEventTypes: { options: 0, answer: "readWebhookEventTypesPage" },
  listWebhookEvents: { options: 2, answer: "readWebhookEventPage" },
  replayWebhookEvents: { options: 2, answer: "nothing" },
  testWebhook: { options: 2, answer: "nothing" },
};

/**
 * What the main entry's lazy client needs of each method: the position of its options, and for an
 * iterator its class (`[options, "OrderIterator"]`). The build writes this view into the main
 * entry (`tango:lazy-methods`), so that the first load does not carry the answers' readers.
 */
export const lazyMethods = () => ({
  ...Object.fromEntries(Object.entries(CLIENT_METHODS).map(([name, { options, iterator }]) => [name, iterator ? [options, iterator] : options])),
  // A JavaScript generator: forwarded as an iterator is (its `iterator` names the lazy class).
  ...Object.fromEntries(Object.entries(CLIENT_JS_METHODS).map(([name, { options, iterator }]) => [name, [options, iterator]])),
});

/**
 * The client module's methods written in JavaScript over the others, with no wasm of their own:
 * each an async generator, with the position of its options and the name of the class the main
 * entry's lazy client forwards it by (as it forwards the wasm's iterators).
 */
export const CLIENT_JS_METHODS = {
  iterateWebhooks: {
    options: 1,
    iterator: "WebhookIterator",
    /** Every subscription, following `nextCursor` from page to page (ending should Tango hand the
     * same cursor back twice). */
    async *generator(query, options) {
      const seen = new Set();
      let cursor = query?.nextCursor;
      do {
        const page = await this.listWebhooks({ ...query, nextCursor: cursor }, options);
        yield* page.items;
        cursor = page.nextCursor;
        if (seen.has(cursor)) return;
        seen.add(cursor);
      } while (cursor);
    },
  },
};

