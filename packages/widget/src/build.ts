import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** widget.js may weigh at most this much gzipped: it loads on every page of the shops that embed it. */
export const sizeBudgetBytes = 35 * 1024;

const entryPoint = fileURLToPath(new URL("./browser/main.ts", import.meta.url));

export interface BuiltWidget {
  code: string;
  gzipBytes: number;
}

/** Bundles the widget in memory: one minified IIFE for browsers from 2020 on, and its gzipped size. */
export async function buildWidget(): Promise<BuiltWidget> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    // UTF-8 rather than \u escapes keeps the translations short; the server says charset=utf-8.
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild produced no output for the widget");
  return { code: output.text, gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength };
}
