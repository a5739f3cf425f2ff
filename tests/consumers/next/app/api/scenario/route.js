// A route handler: the scenario on the server, per request.
import * as main from "tango-orders";
import * as validate from "tango-orders/validate";
import * as sim from "tango-orders/sim";
import { scenarioResult } from "../../../scenario.js";

export async function GET() {
  return Response.json(await scenarioResult({ main, validate, sim }));
}
