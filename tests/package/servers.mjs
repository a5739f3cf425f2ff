// Real servers for the tests that need them, each on a free loopback port and stopped after: a
// redis-server (Debian's package; no mock store) and the tango-sim binary.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, connect } from "node:net";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";

/** A port nothing listens on now. */
export async function freePort() {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}

/** Whether something answers PING on `port`. */
function pings(port) {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.setTimeout(500);
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts `redis-server` on a free loopback port (or `port`), without persistence. Returns its
 * port and URL, `kill(signal)` (SIGKILL to make it vanish mid-run) and `stop()`.
 */
export async function startRedis(port) {
  port ??= await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 10_000;
  while (!(await pings(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on ${port}`);
    await sleep(20);
  }
  const exited = once(child, "exit");
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    async stop() {
      await this.kill("SIGTERM");
    },
  };
}

/** Starts the tango-sim binary (`TANGO_SIM_BIN`) on a free port with `args`; returns its base URL and `stop()`. */
export async function startSim(args = []) {
  const child = spawn(process.env.TANGO_SIM_BIN, ["--port", "0", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(createInterface({ input: child.stdout }), "line");
  const exited = once(child, "exit");
  return {
    baseUrl: line.trim().split(" ").pop(),
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
