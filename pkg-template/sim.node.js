// tango-orders/sim for Node: the simulator's wasm, read from disk and compiled on import.
import { readFileSync } from "node:fs";
import { initSync, SimulatorHandle } from "./wasm-sim/tango_sim.js";
import { makeCreateSimulator } from "./sim-core.js";

initSync({ module: readFileSync(new URL("./wasm-sim/tango_sim_bg.wasm", import.meta.url)) });

export const createSimulator = makeCreateSimulator(SimulatorHandle);
