// tango-orders/sim: the simulator in process.
import { SimulatorHandle } from "tango:module";
import { makeCreateSimulator } from "../sim-core.js";

export const createSimulator = makeCreateSimulator(SimulatorHandle);
