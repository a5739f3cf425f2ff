// Makes the iterators the wasm glue exports usable with `for await`: they already have next().
import { LineItemIterator, OrderIterator } from "./wasm/tango_orders.js";

for (const Iterator of [OrderIterator, LineItemIterator]) {
  Iterator.prototype[Symbol.asyncIterator] = function () {
    return this;
  };
}
