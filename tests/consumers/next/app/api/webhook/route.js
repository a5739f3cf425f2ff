// A webhook receiver as a route handler: verifyWebhook on the Request Next.js hands over.
import * as main from "tango-orders";
import { receiveWebhook } from "../../../webhook.js";

export async function POST(request) {
  return receiveWebhook(main, request);
}
