// Standard JSON Schema (https://standardschema.dev, spec 1.1) for tango-orders/json-schema's
// schemas: the JSON Schemas of the requests (json-schemas.js, generated from the Rust models by
// tools/generate) as each schema's `~standard.jsonSchema`. Apart from schema.js so that the
// other entries, which carry no JSON Schemas, do not carry this either.

/** Standard JSON Schema's converter over one request's schemas (by target): a copy each time, with
 * the settings' extra fields as members and, for a form being filled in (`partial`), nothing
 * required. */
export function jsonConverter(json, settings) {
  const convert = ({ target } = {}) => {
    const schema = json[target];
    if (schema === undefined) {
      throw new TypeError(`tango-orders: no JSON Schema for target ${JSON.stringify(target)}; there are ${Object.keys(json).join(", ")}`);
    }
    const copy = structuredClone(schema);
    for (const path of [settings.extraFields ?? []].flat()) {
      if (typeof path !== "string") continue;
      let here = copy;
      for (const part of path.split(".")) {
        here.properties ??= {};
        here = here.properties[part] ??= {};
      }
    }
    if (settings.partial === true) withoutRequired(copy);
    return copy;
  };
  return Object.freeze({ input: convert, output: convert });
}

function withoutRequired(schema) {
  if (schema === null || typeof schema !== "object") return;
  delete schema.required;
  Object.values(schema.properties ?? {}).forEach(withoutRequired);
}

