"use client";
// A client page: the scenario runs in the browser once the page has hydrated.
import { useEffect, useState } from "react";
import * as main from "tango-orders";
import * as validate from "tango-orders/validate";
import * as sim from "tango-orders/sim";
import { scenarioResult } from "../scenario.js";

export default function Page() {
  const [result, setResult] = useState(null);
  useEffect(() => {
    scenarioResult({ main, validate, sim }).then((summary) => {
      window.result = summary;
      setResult(summary);
    });
  }, []);
  // Not id="result": the browser would expose the element as window.result before the scenario ends.
  return <pre id="summary">{result ? JSON.stringify(result) : "running"}</pre>;
}
