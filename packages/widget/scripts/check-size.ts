/** npm run widget:size — builds widget.js, prints its size, and fails over the budget. */
import { buildWidget, sizeBudgetBytes } from "../src/build.ts";

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const { code, gzipBytes } = await buildWidget();
const rawBytes = Buffer.byteLength(code);
console.log(
  `widget.js: ${kilobytes(rawBytes)} raw (${rawBytes} bytes), ${kilobytes(gzipBytes)} gzipped (${gzipBytes} bytes); budget ${kilobytes(sizeBudgetBytes)} gzipped`,
);
if (gzipBytes > sizeBudgetBytes) {
  console.error(`widget.js is ${kilobytes(gzipBytes - sizeBudgetBytes)} over its gzipped size budget.`);
  process.exitCode = 1;
}
