// The scenario as a Node, Deno or Bun program: prints its summary as one line of JSON.
import * as main from "tango-orders";
import * as validate from "tango-orders/validate";
import * as sim from "tango-orders/sim";
import { scenario } from "./scenario.js";

console.log(JSON.stringify(await scenario({ main, validate, sim })));
