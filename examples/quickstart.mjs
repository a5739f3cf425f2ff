// validate → create → get → list → resend, printing each step.
//
//   node examples/quickstart.mjs          (an in-process simulator; see connect.mjs for a real API)
import { validateCreateOrder } from "tango-orders";
import { ACCOUNT, CUSTOMER, connect } from "./connect.mjs";

const tango = connect();
const order = {
  customerIdentifier: CUSTOMER, accountIdentifier: ACCOUNT, utid: "U000001", amount: 25, deliveryMethod: "EMAIL",
  recipient: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
  message: "Thank you for your help this quarter!",
};

const report = validateCreateOrder(order);
console.log(`1. validate: ${report.valid ? "valid" : report.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);

const { order: placed, created } = await tango.createOrder(order);
console.log(`2. create:   ${placed.referenceOrderID} (${created ? "new" : "already existed"}), status ${placed.status}, externalRefID ${placed.externalRefID}`);

const full = await tango.getOrder(placed.referenceOrderID);
const credentials = (full.reward?.credentialList ?? []).map((c) => `${c.label} (${c.type})`).join(", ");
console.log(`3. get:      charged ${full.amountCharged?.total} ${full.amountCharged?.currencyCode}; credentials: ${credentials}`);

const page = await tango.listOrders({ elementsPerBlock: 5 });
console.log(`4. list:     ${page.page.totalCount} order(s); newest ${page.orders[0]?.referenceOrderID}`);

const resend = await tango.resendOrder(placed.referenceOrderID);
console.log(`5. resend:   resend ${resend.id} at ${resend.createdAt}`);
try {
  await tango.resendOrder(placed.referenceOrderID);
} catch (error) {
  console.log(`   again:    ${error.kind} — retry in ${Math.ceil(error.retryAfterMs / 1000)} s (nothing was sent)`);
}
