// What a page pays for the validation-only entry (bench/bundlers.mjs).
import { validateCreateOrder } from "tango-orders/validate";

window.tango = { validateCreateOrder };
