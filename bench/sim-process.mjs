// Starts the tango-sim binary on a free loopback port and returns its base URL (the last word of
// the first line it prints) and a stop function.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

export async function startSimulator(bin, args = []) {
  const server = spawn(bin, ["--port", "0", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(createInterface({ input: server.stdout }), "line");
  return { baseUrl: line.trim().split(" ").pop(), stop: () => server.kill("SIGTERM") };
}
