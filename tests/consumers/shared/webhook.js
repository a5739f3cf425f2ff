// The webhook receiver every server-side consumer runs the same way: verifyWebhook on the
// request as the runtime hands it over (a Fetch Request), answering 200 with what the event says,
// or 401 with the error's kind. Plain ES2020, like scenario.js.

/** The subscription's key, for these tests only (base64 of 37 bytes). */
export const WEBHOOK_SECRET = "dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0LW9mLTMyLWJ5dGVzIQ==";

/** Answers a delivery: `main` is the main entry's namespace. */
export async function receiveWebhook(main, request) {
  try {
    const event = await main.verifyWebhook(request, { hmacSharedSecretKey: WEBHOOK_SECRET });
    return Response.json({ eventId: event.eventId, eventType: event.eventType, status: event.eventData.status });
  } catch (error) {
    return Response.json({ kind: error && error.kind }, { status: 401 });
  }
}
