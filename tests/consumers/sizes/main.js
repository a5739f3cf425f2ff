// What a page pays for the main entry: validation and the client (bench/bundlers.mjs).
import { validateCreateOrder, TangoClient } from "tango-orders";

window.tango = { validateCreateOrder, TangoClient };
