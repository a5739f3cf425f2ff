// The worker every bundler builds: the scenario, posted to the page.
import * as main from "tango-orders";
import * as validate from "tango-orders/validate";
import * as sim from "tango-orders/sim";
import { scenarioResult } from "./scenario.js";

scenarioResult({ main, validate, sim }).then((result) => postMessage(result));
