// tango-orders/sim for browsers, bundlers and workers: the simulator's wasm, loaded on import.
import init, { SimulatorHandle } from "./wasm-sim/tango_sim.js";
import { makeCreateSimulator } from "./sim-core.js";

await init();

export const createSimulator = makeCreateSimulator(SimulatorHandle);
