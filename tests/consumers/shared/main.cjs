// The scenario from CommonJS: require() of the package (Node 20.19+ and 22.12+ load its ES modules
// synchronously; it has no top-level await, which require() refuses).
const main = require("tango-orders");
const validate = require("tango-orders/validate");
const sim = require("tango-orders/sim");

import("./scenario.js")
  .then(({ scenario }) => scenario({ main, validate, sim }))
  .then((summary) => console.log(JSON.stringify(summary)));
