#!/usr/bin/env node
// Node 24 runs the TypeScript sources directly (type stripping), so the command needs no build step.
// Older Node versions fail on the import below with a confusing syntax error: say what is needed instead.
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  process.stderr.write(`error: parley needs Node.js 24 or later; this is Node.js ${process.version}\n`);
  process.exit(2);
}

// A reader that goes away (`parley init | head`) closes the pipe: stop quietly instead of
// letting the unhandled EPIPE error print a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    process.exit(error.code === "EPIPE" ? (process.exitCode ?? 0) : 1);
  });
}

try {
  const { main } = await import("../src/main.ts");
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // main() turns every error into a message; this only catches a broken installation.
  process.stderr.write(`error: parley could not start: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
}
