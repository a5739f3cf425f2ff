// A module worker without a bundler: import maps do not reach workers, so it imports by path.
import * as main from "/node_modules/tango-orders/index.js";
import * as validate from "/node_modules/tango-orders/validate.js";
import * as sim from "/node_modules/tango-orders/sim.js";
import { scenarioResult } from "./scenario.js";

scenarioResult({ main, validate, sim }).then((result) => postMessage(result));
