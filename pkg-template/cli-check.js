// `tango-orders check <file.csv>`: a bulk upload's CSV read and checked by validateOrdersCsv, as
// the page or the worker that uploads it would, printed as one line per problem (line, column,
// field, message; never a cell's value) and a summary. Exit code 0 when every row is valid, 1 when
// any is not, 2 when the file or an option file cannot be read.
import { readFile } from "node:fs/promises";
import { validateOrdersCsv } from "./csv.node.js";

/** Files this large get a progress bar, when stderr is a terminal (smaller ones take < 0.1 s). */
const PROGRESS_FROM_BYTES = 1024 * 1024;

/** Reads a file the caller named, as a usage error (exit code 2) when it cannot be read. */
async function readNamed(path, what, UsageError) {
  try {
    return await readFile(path);
  } catch (error) {
    const why = { ENOENT: "no such file", EISDIR: "it is a directory", EACCES: "permission denied" }[error.code] ?? error.code ?? "unreadable";
    throw new UsageError(`cannot read ${what} ${JSON.stringify(path)}: ${why}`);
  }
}

/** An option file's JSON (`--columns`, `--defaults`, `--catalog`). */
async function readJson(path, flag, UsageError) {
  const text = (await readNamed(path, `the ${flag} file`, UsageError)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`the ${flag} file ${JSON.stringify(path)} is not JSON`);
  }
}

/** `1234567` → "1,234,567", the same on every machine (no locale). */
const count = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const plural = (n, one, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** One problem as a line: where (line, field, and the column when its header is not the field's
 * wire path) and what, with its stable code: `orders.csv:4 recipient.email (column "Email"): …`. */
export function issueLine(file, issue) {
  const where = [`${file}:${issue.line}`];
  if (issue.path !== "") where.push(issue.path);
  if (issue.column !== undefined && issue.column !== issue.path) {
    where.push(issue.path === "" ? `column ${JSON.stringify(issue.column)}` : `(column ${JSON.stringify(issue.column)})`);
  }
  return `${where.join(" ")}: ${issue.message} [${issue.code}]`;
}

/** A progress bar on a terminal: one line, rewritten in place, cleared at the end. */
function progressBar(stream) {
  let last = -1;
  return {
    update(done, total) {
      const share = total === 0 ? 1 : done / total;
      const percent = Math.floor(share * 100);
      if (percent === last) return;
      last = percent;
      const width = 30, filled = Math.round(share * width);
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(percent).padStart(3)}%  ${count(done)} / ${count(total)} rows`);
    },
    clear() {
      if (last >= 0) stream.write("\r\x1b[K");
    },
  };
}

export async function run(values, [file], { UsageError }) {
  const options = {};
  if (values.columns !== undefined) options.columns = await readJson(values.columns, "--columns", UsageError);
  if (values.defaults !== undefined) options.defaults = await readJson(values.defaults, "--defaults", UsageError);
  if (values.catalog !== undefined) options.catalog = await readJson(values.catalog, "--catalog", UsageError);
  const bytes = await readNamed(file, "the CSV file", UsageError);
  const bar = process.stderr.isTTY && bytes.length >= PROGRESS_FROM_BYTES ? progressBar(process.stderr) : undefined;
  if (bar !== undefined) options.onProgress = (done, total) => bar.update(done, total);
  let report;
  try {
    report = await validateOrdersCsv(bytes, options);
  } catch (error) {
    // Only options that are not options reject (the file's own problems are issues): say which.
    throw new UsageError(error?.kind === "validation" && error.issues?.length > 0
      ? error.issues.map((issue) => `${issue.path || "options"}: ${issue.message}`).join("; ")
      : `cannot check ${JSON.stringify(file)}: ${error?.message ?? error}`);
  } finally {
    bar?.clear();
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const lines = report.issues.map((issue) => issueLine(file, issue));
    lines.push(`${file}: ${plural(report.rowCount, "row")}: ${count(report.validCount)} valid, ${count(report.invalidCount)} invalid` +
      ` (${plural(report.issues.length, "issue")})`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return report.valid ? 0 : 1;
}
