// Bundles the extension into one file; `vscode` is provided by the editor.
import { build } from "esbuild";

await build({
  entryPoints: ["client/src/extension.ts"],
  bundle: true,
  outfile: "client/out/extension.js",
  external: ["vscode"],
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: true,
  minify: false,
});
