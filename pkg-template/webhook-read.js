// Reading webhook JSON in the client module: verifyWebhook's verified body as an event, and the
// answers of the subscription calls. decode.js checks each model against its description
// (webhook-models.js, from the Rust types), as the client's other answers are read; this file adds
// what is Tango-specific about webhooks:
// - an event: the docs' samples spell two fields two ways, `eventType` or `eventTypes` (a list of
//   one), `category` or `categories`; both are read, and the event has one of each. An event type
//   this release does not know is passed on with its data as sent.
// - the cursor pages of GET /webhooks, the event types and the past events: a missing or `null`
//   list reads as empty, and each item is read as its model.
import webhookModels from "tango:webhook-models";
import { makeParsers } from "./decode.js";

const hasOwn = Object.prototype.hasOwnProperty;
const firstOf = (list) => (Array.isArray(list) ? list[0] : undefined);
/** The descriptions' models that are subscription answers, not event data. */
const ANSWER_MODELS = ["Webhook", "WebhookExpiry", "WebhookEventTypes"];
/** A cursor page's fields other than its items, with the type each must have. */
const PAGE_FIELDS = [["numberOfElements", "number"], ["maxResults", "number"], ["nextCursor", "string"],
  ["prevCursor", "string"], ["nextPageAvailable", "boolean"], ["prevPageAvailable", "boolean"]];

/**
 * The readers, each from the JSON text the wasm resolves to, their errors worded by
 * `decodeError(body, path, missing)` (the client module's __responseDecodeError).
 */
export function makeWebhookReaders(decodeError) {
  let within = "";
  const parsers = makeParsers(webhookModels, {
    decodeError: (body, path, missing) => decodeError(body, path === undefined ? undefined : `${within}${path ? `.${path}` : ""}`, missing),
  });
  /** `read(value)` of a part of `text`, whose errors name their path from `at`. */
  const inside = (at, read) => {
    const outer = within;
    within = at;
    try {
      return read();
    } finally {
      within = outer;
    }
  };
  const objectOf = (text) => {
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      throw decodeError(text, undefined, false) ?? decodeError(text, "", false);
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw decodeError(text, within, false);
    return value;
  };

  /** An event (a delivery's, or an item of a subscription's past events) from its object. */
  const eventOf = (value, text) => {
    const at = (field) => (within ? `${within}.${field}` : field);
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw decodeError(text, within, false);
    const eventType = value.eventType ?? firstOf(value.eventTypes);
    const category = value.category ?? firstOf(value.categories);
    const { eventId, revision, eventOccurredAt } = value;
    if (typeof eventId !== "string") throw decodeError(text, at("eventId"), eventId === undefined);
    if (typeof eventType !== "string") throw decodeError(text, at("eventType"), eventType === undefined);
    if (revision != null && !Number.isSafeInteger(revision)) throw decodeError(text, at("revision"), false);
    if (category != null && typeof category !== "string") throw decodeError(text, at("category"), false);
    if (eventOccurredAt != null && typeof eventOccurredAt !== "string") throw decodeError(text, at("eventOccurredAt"), false);
    let eventData = value.eventData ?? {};
    if (hasOwn.call(parsers, eventType) && !ANSWER_MODELS.includes(eventType)) {
      eventData = inside(at("eventData"), () => parsers[eventType](JSON.stringify(eventData)));
    }
    const event = { eventId };
    if (revision != null) event.revision = revision;
    if (category != null) event.category = category;
    if (eventOccurredAt != null) event.eventOccurredAt = eventOccurredAt;
    event.eventType = eventType;
    event.eventData = eventData;
    return event;
  };

  /** A cursor page whose items `readItem(item, text)` reads. */
  const pageOf = (readItem) => (text) => {
    const value = objectOf(text);
    const list = value.items ?? [];
    if (!Array.isArray(list)) throw decodeError(text, "items", false);
    const page = { items: list.map((item, i) => inside(`items[${i}]`, () => readItem(item, text))) };
    for (const [field, type] of PAGE_FIELDS) {
      const v = value[field];
      if (v == null) continue;
      if (typeof v !== type) throw decodeError(text, field, false);
      page[field] = v;
    }
    return page;
  };
  const model = (name) => (item) => parsers[name](JSON.stringify(item));

  return {
    readWebhookEvent: (text) => eventOf(objectOf(text), text),
    readWebhook: (text) => parsers.Webhook(text),
    readWebhookExpiry: (text) => parsers.WebhookExpiry(text),
    readWebhookPage: pageOf(model("Webhook")),
    readWebhookEventTypesPage: pageOf(model("WebhookEventTypes")),
    readWebhookEventPage: pageOf(eventOf),
  };
}

/**
 * `verifyWebhook(delivery, keys)` over the wasm's `verifyBody` (resolving to the verified text),
 * its errors worded by `decodeError(body, path, missing)`.
 */
export function makeVerifyWebhook(verifyBody, decodeError) {
  const { readWebhookEvent } = makeWebhookReaders(decodeError);
  return (delivery, keys) => verifyBody(delivery, keys).then(readWebhookEvent);
}
