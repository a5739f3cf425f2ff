#!/usr/bin/env node
// The `tango-orders` command (package.json `bin`): `check` reads a bulk upload's CSV as the API
// would, `sim` serves the simulator over HTTP. Each command is a file of its own; this one reads
// the command line, and turns a usage error into one line on stderr and exit code 2.
import { parseArgs } from "node:util";

const USAGE = `usage: tango-orders <command> [options]

  tango-orders check <file.csv> [--columns map.json] [--defaults defaults.json]
                     [--catalog catalog.json] [--json]
      Checks every row of a bulk upload's CSV against Tango's rules. Exit code 0: every row is
      valid; 1: some are not; 2: usage error or unreadable file.

  tango-orders sim [--port 4010] [--host 127.0.0.1] [--seed N] [--virtual-clock]
                   [--latency-ms N] [--server-error-rate F] [--rate-limit-burst-rate F]
                   [--rate-limit-burst-length N] [--drop-after-commit-rate F]
                   [--creates-per-second F] [--allow-webhook-hosts]
      Serves a simulated Tango over HTTP (loopback unless --host says otherwise). Ctrl-C stops it.
      Webhook deliveries are POSTed to loopback receivers only, unless --allow-webhook-hosts.

  tango-orders help     this text
`;

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** The options each command takes, for `parseArgs`; values stay strings, checked by the command. */
const COMMANDS = {
  check: {
    load: () => import("./cli-check.js"),
    positionals: 1,
    options: {
      columns: { type: "string" },
      defaults: { type: "string" },
      catalog: { type: "string" },
      json: { type: "boolean" },
    },
  },
  sim: {
    load: () => import("./cli-sim.js"),
    positionals: 0,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      "virtual-clock": { type: "boolean" },
      "latency-ms": { type: "string" },
      "server-error-rate": { type: "string" },
      "rate-limit-burst-rate": { type: "string" },
      "rate-limit-burst-length": { type: "string" },
      "drop-after-commit-rate": { type: "string" },
      "creates-per-second": { type: "string" },
      "allow-webhook-hosts": { type: "boolean" },
      // For the client's transport tests, as on the Rust binary; not in the usage text.
      "transport-test-routes": { type: "boolean" },
    },
  },
};

async function main(argv) {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)} (see tango-orders help)`);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs' own wording names the flag ("Unknown option '--prot'"); its hint about `--` does not apply.
    throw new UsageError(String(error.message).split(". To specify")[0]);
  }
  if (parsed.positionals.length !== command.positionals) {
    throw new UsageError(command.positionals === 1
      ? `${name} takes one file (see tango-orders help)`
      : `${name} takes no file (see tango-orders help)`);
  }
  const { run } = await command.load();
  return run(parsed.values, parsed.positionals, { UsageError });
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    if (error instanceof UsageError) {
      process.stderr.write(`tango-orders: ${error.message}\n`);
    } else {
      // A defect, not the caller's doing: one line still, without a stack trace or any input.
      process.stderr.write(`tango-orders: ${error?.message ?? error}\n`);
    }
    process.exitCode = 2;
  },
);
