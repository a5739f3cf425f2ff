// The externalRefID of a CSV row's order, from the row's own content (not its line or its file),
// so that the same row sent again in the same campaign is recognised as already sent, by any
// script on any machine: `<campaign><first 24 hex digits of SHA-256 of the order><n>`, where n
// counts identical rows in the file (two identical rows are two rewards).
import { createHash } from "node:crypto";

/** A function giving each order of one file its key, in file order. */
export function rowKeys(campaign) {
  const seen = new Map();
  return (order) => {
    const digest = createHash("sha256").update(JSON.stringify(order)).digest("hex").slice(0, 24);
    const n = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, n);
    return `${campaign}${digest}${n}`;
  };
}

/** A campaign name as it may appear in a key: letters and digits, at most 40. */
export function campaignName(text) {
  return String(text).replace(/[^A-Za-z0-9]/g, "").slice(0, 40);
}
