// The one thing every consumer project does with the installed package, in whatever runtime or
// bundle it ends up in: validate an order with the main entry and with tango-orders/validate, place
// one through TangoClient on tango-orders/sim's fetch and read it back, and check a CSV. It returns a
// plain summary that the test compares with EXPECTED, so a page, a worker, a server and a CLI all
// answer the same way. Written as plain ES2020 so that no consumer needs a transform to run it.

/** An order with two problems the validators must both find, by path and stable code. */
const BAD_ORDER = {
  customerIdentifier: "demo-customer",
  accountIdentifier: "demo-account",
  utid: "U000001",
  amount: 5.001,
  deliveryMethod: "EMAIL",
  recipient: { firstName: "Ada", email: "not-an-email" },
};

const GOOD_ORDER = { ...BAD_ORDER, amount: 5, recipient: { firstName: "Ada", email: "ada@example.com" } };

/** What every consumer must answer. */
export const EXPECTED = {
  main: ["amount:invalid_format", "recipient.email:invalid_format"],
  validateEntry: ["amount:invalid_format", "recipient.email:invalid_format"],
  created: true,
  readBack: true,
  status: "COMPLETE",
  charged: 5,
  errorKind: "validation",
  csv: ["3:recipient.email:invalid_format", "4:amount:out_of_range"],
};

/** A bulk upload's CSV with two bad rows: the main entry imports its CSV module on the first call
 * (a dynamic import every bundler must keep working). */
const CSV = "recipient.firstName,recipient.email,amount\r\n\"Lovelace, Ada\",ada@example.com,5\r\nGrace,grace@,5\r\nAlan,alan@example.com,0\r\n";
const CSV_DEFAULTS = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", deliveryMethod: "EMAIL" };

const codes = (report) => report.issues.map((issue) => `${issue.path}:${issue.code}`);

/**
 * Runs the scenario. `main`, `validate` and `sim` are the three entries' module namespaces
 * (`import * as main from "tango-orders"`, or `require(...)`), passed in so that each consumer
 * imports them in its own way.
 */
export async function scenario({ main, validate, sim }) {
  const simulator = sim.createSimulator({ virtualClock: true });
  const client = new main.TangoClient({
    baseUrl: simulator.baseUrl,
    fetch: simulator.fetch,
    platformName: simulator.platformName,
    platformKey: simulator.platformKey,
    dangerouslyAllowBrowser: true, // the simulator's demo key, in pages and workers
  });
  const { order, created } = await client.createOrder(GOOD_ORDER);
  const again = await client.getOrder(order.referenceOrderID);
  let errorKind = "none";
  try {
    await client.createOrder(BAD_ORDER);
  } catch (error) {
    errorKind = error.kind;
  }
  return {
    main: codes(main.validateCreateOrder(BAD_ORDER)),
    validateEntry: codes(validate.validateCreateOrder(BAD_ORDER)),
    created,
    readBack: again.referenceOrderID === order.referenceOrderID,
    status: again.status,
    charged: again.amountCharged.total,
    errorKind,
    csv: (await main.validateOrdersCsv(CSV, { defaults: CSV_DEFAULTS })).issues.map((i) => `${i.line}:${i.path}:${i.code}`),
  };
}

/** The scenario with its failure as a result, for pages and workers that report by message. */
export async function scenarioResult(modules) {
  try {
    return await scenario(modules);
  } catch (error) {
    return { failed: String(error && error.stack ? error.stack : error) };
  }
}
