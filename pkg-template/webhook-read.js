// verifyWebhook as the package exports it: the wasm checks the delivery's signature and resolves
// to its body once verified; this reads that body as an event, with decode.js checking `eventData`
// against its type's description (webhook-models.js, from the Rust types), as the client's answers
// are read. The docs' samples spell two fields two ways: `eventType` or `eventTypes` (a list of
// one), `category` or `categories`; both are read, and the event has one of each. An event type
// this release does not know is passed on with its data as sent.
import webhookModels from "tango:webhook-models";
import { makeParsers } from "./decode.js";

const hasOwn = Object.prototype.hasOwnProperty;
const firstOf = (list) => (Array.isArray(list) ? list[0] : undefined);

/**
 * `verifyWebhook(delivery, keys)` over the wasm's `verifyBody` (resolving to the verified text),
 * its errors worded by `decodeError(body, path, missing)` (the client module's
 * __responseDecodeError).
 */
export function makeVerifyWebhook(verifyBody, decodeError) {
  let within = "";
  const parsers = makeParsers(webhookModels, {
    decodeError: (body, path, missing) => decodeError(body, path === undefined ? undefined : `${within}${path ? `.${path}` : ""}`, missing),
  });
  const read = (text) => {
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      throw decodeError(text, undefined, false) ?? decodeError(text, "", false);
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw decodeError(text, "", false);
    const eventType = value.eventType ?? firstOf(value.eventTypes);
    const category = value.category ?? firstOf(value.categories);
    const { eventId, revision, eventOccurredAt } = value;
    if (typeof eventId !== "string") throw decodeError(text, "eventId", eventId === undefined);
    if (typeof eventType !== "string") throw decodeError(text, "eventType", eventType === undefined);
    if (revision != null && !Number.isSafeInteger(revision)) throw decodeError(text, "revision", false);
    if (category != null && typeof category !== "string") throw decodeError(text, "category", false);
    if (eventOccurredAt != null && typeof eventOccurredAt !== "string") throw decodeError(text, "eventOccurredAt", false);
    let eventData = value.eventData ?? {};
    if (hasOwn.call(parsers, eventType)) {
      within = "eventData";
      try {
        eventData = parsers[eventType](JSON.stringify(eventData));
      } finally {
        within = "";
      }
    }
    const event = { eventId };
    if (revision != null) event.revision = revision;
    if (category != null) event.category = category;
    if (eventOccurredAt != null) event.eventOccurredAt = eventOccurredAt;
    event.eventType = eventType;
    event.eventData = eventData;
    return event;
  };
  return (delivery, keys) => verifyBody(delivery, keys).then(read);
}
