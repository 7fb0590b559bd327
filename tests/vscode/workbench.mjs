// The real VS Code workbench (code-server) in headless Chromium, driven as a user would:
// squiggle + Problems row, hover on the LSTM, Ctrl+. quick fix, and a notebook cell.
// Usage: node workbench.mjs <tools-dir> <vsix> <python> <output-dir>
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, copyFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [tools, vsix, python, out] = process.argv.slice(2);
const require = createRequire(path.join(tools, "package.json"));
const { chromium } = require("playwright-core");
const here = path.dirname(fileURLToPath(import.meta.url));
const examples = path.join(here, "..", "..", "examples");
const codeServer = path.join(tools, "node_modules", ".bin", "code-server");
const port = 18000 + Math.floor(Math.random() * 1000);
const data = path.join(out, "vscode-data");
const workspace = path.join(out, "workspace");
const results = { steps: [] };

function step(name, detail) {
  results.steps.push({ name, ...detail });
  console.log(`ok - ${name}`);
}

function setup() {
  mkdirSync(path.join(data, "user", "User"), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  for (const file of ["seed_lstm.py", "flattened_images.py"]) copyFileSync(path.join(examples, file), path.join(workspace, file));
  const source = readFileSync(path.join(examples, "seed_lstm.py"), "utf8").split("\n");
  const cell = (lines) => ({ cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l)) });
  const notebook = {
    cells: [cell(source.slice(1, 6)), cell(source.slice(7, 12)), { cell_type: "markdown", metadata: {}, source: ["## Training"] }, cell(source.slice(15, 17))],
    metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(path.join(workspace, "train.ipynb"), JSON.stringify(notebook, null, 1));
  writeFileSync(path.join(data, "user", "User", "settings.json"), JSON.stringify({
    "shapesense.interpreter": python,
    "shapesense.importStrategy": "useBundled",
    "shapesense.debounceMs": 0,
    "shapesense.kerasVersion": "3",
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "security.workspace.trust.enabled": false,
    "extensions.ignoreRecommendations": true,
    "telemetry.telemetryLevel": "off",
    "editor.hover.delay": 200,
    "chat.disableAIFeatures": true,
    "git.openRepositoryInParentFolders": "never",
    "shapesense.trace.server": process.env.SHAPESENSE_TRACE ?? "off",
  }, null, 2));
  writeFileSync(path.join(data, "config.yaml"), "auth: none\ncert: false\n");
  execFileSync(codeServer, ["--user-data-dir", path.join(data, "user"), "--extensions-dir", path.join(data, "ext"), "--install-extension", vsix], { stdio: "inherit" });
}

async function waitHealthy(server) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error("code-server exited");
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("code-server did not become healthy");
}

// Where text is drawn in the editor: find it in a line's text, then map that offset to the
// token span that holds it (Monaco splits a line into one span per token).
async function textBox(page, needle, length = needle.length) {
  const box = await page.evaluate(([needle, length]) => {
    for (const line of document.querySelectorAll(".monaco-editor .view-line")) {
      const at = line.textContent.indexOf(needle);
      if (at < 0) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const size = node.textContent.length;
        if (at < offset + size) {
          const range = document.createRange();
          range.setStart(node, at - offset);
          range.setEnd(node, Math.min(size, at - offset + length));
          const r = range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }
        offset += size;
      }
    }
    return null;
  }, [needle, length]);
  if (!box) throw new Error(`'${needle}' is not on screen`);
  return box;
}

async function openFile(page, name) {
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first().click();
}

async function run() {
  setup();
  const server = spawn(codeServer, ["--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--config", path.join(data, "config.yaml"), "--user-data-dir", path.join(data, "user"), "--extensions-dir", path.join(data, "ext"), workspace], { stdio: ["ignore", "inherit", "inherit"] });
  let browser;
  let page;
  try {
    // playwright gives the browser a fresh profile of its own
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    await waitHealthy(server);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
    await page.waitForTimeout(3000); // the notebook editor registers a moment after the workbench appears

    // 1. Seed example 3: squiggle on the bad fit line, and its Problems row.
    await openFile(page, "seed_lstm.py");
    await page.waitForSelector(".monaco-editor .squiggly-error", { timeout: 60000 });
    await page.screenshot({ path: path.join(out, "1-squiggle.png") });
    await page.keyboard.press("Control+Shift+M");
    const row = page.locator(".markers-panel .monaco-list-row", { hasText: "X_train_rnn_bad" }).first();
    await row.waitFor({ timeout: 60000 });
    const rowText = await row.innerText();
    if (!rowText.includes("17")) throw new Error(`Problems row not on line 17: ${rowText}`);
    await page.screenshot({ path: path.join(out, "2-problems.png") });
    step("squiggle and Problems row on the bad fit line", { row: rowText.replace(/\s+/g, " ").slice(0, 200) });

    // 2. Hover the LSTM layer: its expected input (None, 20, 5).
    await page.keyboard.press("Control+Shift+M"); // close the panel again
    const box = await textBox(page, "LSTM(", 4); // the layer, not the docstring's "an LSTM"
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator(".monaco-hover", { hasText: "(None, 20, 5)" }).first();
    await hover.waitFor({ timeout: 60000 });
    await page.waitForTimeout(600); // let the hover finish fading in before the screenshot
    await page.screenshot({ path: path.join(out, "3-hover.png") });
    step("hover on the LSTM layer shows (None, 20, 5)", { hover: (await hover.innerText()).slice(0, 200) });

    // 3. Flattened images: Ctrl+. offers the reshape fix; applying it removes the squiggle.
    await page.mouse.move(5, 5);
    await openFile(page, "flattened_images.py");
    const squiggle = page.locator(".monaco-editor .squiggly-error").first();
    await squiggle.waitFor({ timeout: 60000 });
    const sbox = await squiggle.boundingBox();
    await page.mouse.click(sbox.x + Math.max(1, sbox.width / 2), sbox.y + sbox.height / 2);
    await page.keyboard.press("Control+.");
    const widget = page.locator(".action-widget", { hasText: "Reshape" }).first();
    await widget.waitFor({ timeout: 60000 });
    await page.screenshot({ path: path.join(out, "4-quick-fix.png") });
    await page.keyboard.press("Enter");
    await page.locator(".monaco-editor .view-line", { hasText: "X.reshape(-1, 28, 28, 1)" }).first().waitFor({ timeout: 60000 });
    await page.waitForFunction(() => document.querySelectorAll(".monaco-editor .squiggly-error").length === 0, null, { timeout: 60000 });
    await page.screenshot({ path: path.join(out, "5-fixed.png") });
    step("quick fix offered with Ctrl+. and applied; the squiggle is gone");

    // 4. The same code in notebook cells: the squiggle shows in the fit cell.
    await openFile(page, "train.ipynb");
    await page.waitForSelector(".notebook-editor .cell-list-container", { timeout: 60000 });
    await page.waitForSelector(".notebook-editor .code-cell-row .monaco-editor .squiggly-error", { timeout: 60000 });
    await page.screenshot({ path: path.join(out, "6-notebook.png") });
    step("notebook: the squiggle shows in the cell");
  } catch (error) {
    await page?.screenshot({ path: path.join(out, "failure.png") }).catch(() => {});
    throw error;
  } finally {
    await browser?.close();
    server.kill();
    writeFileSync(path.join(out, "results.json"), JSON.stringify(results, null, 2));
  }
}

run().then(
  () => process.exit(0),
  (error) => {
    console.error(`not ok - ${error.message}`);
    process.exit(1);
  },
);
