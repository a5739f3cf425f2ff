// webpack 5.82 (before top-level await was on by default) with its defaults, through its Node API
// because webpack-cli 6+ needs a newer webpack: the entry and output path are the CLI's flags.
import webpack from "webpack-5.82";
import { resolve } from "node:path";

webpack({ mode: "production", entry: "./page.js", output: { path: resolve("dist") } }, (error, stats) => {
  if (error || stats.hasErrors()) {
    console.error(error ?? stats.toString({ colors: false, all: false, errors: true, warnings: true }));
    process.exit(1);
  }
  const warnings = stats.toJson({ all: false, warnings: true }).warnings;
  console.log(JSON.stringify({ version: webpack.version, warnings: warnings.length }));
});
