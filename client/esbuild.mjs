// Bundles the extension into one file; `vscode` is provided by the editor.
// `--production` (npm run package): minified, no source map, so the .vsix carries one small file.
import { build } from "esbuild";

const production = process.argv.includes("--production");
await build({
  entryPoints: ["client/src/extension.ts"],
  bundle: true,
  outfile: "client/out/extension.js",
  external: ["vscode"],
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: !production,
  minify: production,
  legalComments: production ? "external" : "inline",
});
