// The README's Workers receiver, line for line (readme.test.mjs holds the README to it); both
// Workers answer /receiver with it, and runtimes.test.mjs posts a signed and a tampered delivery.
import { verifyWebhook } from "tango-orders/webhooks";

export default {
  async fetch(request, env) {
    try {
      const event = await verifyWebhook(request, { hmacSharedSecretKey: env.TANGO_WEBHOOK_KEY });
      if (event.eventType === "RewardStatus") console.log(event.eventData.referenceLineItemId, event.eventData.status);
      return new Response("ok");
    } catch (error) {
      return new Response(null, { status: error.kind === "unverified" ? 401 : 500 });
    }
  },
};
