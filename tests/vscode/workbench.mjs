// The real VS Code workbench (code-server) in headless Chromium, driven as a user would:
// squiggle + Problems row, hover on the LSTM, Ctrl+. quick fix, a notebook cell, the language
// status item, an imported module changed on disk and in the editor, a multi-root workspace
// whose folders check against Keras 2 and 3, the extension's README with its images, and
// Restricted Mode (a second code-server with workspace trust on).
// Usage: node workbench.mjs <tools-dir> <vsix> <python> <output-dir> <repository-root>
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, copyFileSync, readFileSync, existsSync, rmSync } from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [tools, vsix, python, out, root] = process.argv.slice(2);
const require = createRequire(path.join(tools, "package.json"));
const { chromium } = require("playwright-core");
const here = path.dirname(fileURLToPath(import.meta.url));
const examples = path.join(here, "..", "..", "examples");
const codeServer = path.join(tools, "node_modules", ".bin", "code-server");
const port = 18000 + Math.floor(Math.random() * 1000);
const data = path.join(out, "vscode-data");
// Workspaces live outside the repository, so no Git pop-up about a parent repository.
const scratch = path.join(os.tmpdir(), `shapesense-workbench-${process.pid}`);
const workspace = path.join(scratch, "workspace");
const multi = path.join(scratch, "multi");
const untrusted = path.join(scratch, "untrusted");
const sentinel = path.join(scratch, "workspace-interpreter-ran");
// The README's images are absolute links into the repository (vsce --baseImagesUrl); offline,
// the browser is answered from the checkout, so an image that is not in the repository fails.
const IMAGES = "https://raw.githubusercontent.com/shapesense/shapesense/main/";
const DATA_MODULE = (last) => `import numpy as np\n\nX = np.random.rand(150, 20, ${last})\ny = np.random.randint(0, 2, 150)\n`;
const IMPORTER = `import tensorflow as tf\nfrom dataset import X, y\n\nmodel = tf.keras.Sequential([\n    tf.keras.layers.LSTM(32, input_shape=(20, 5)),\n    tf.keras.layers.Dense(1, activation="sigmoid"),\n])\nmodel.compile("adam", "binary_crossentropy")\nmodel.fit(X, y, epochs=1)\n`;
// Keras 2 cannot build Dense on an undefined last axis; Keras 3 builds the model at fit, with
// the data's shape (both measured with real Keras).
// Keras 2 checks the model input's axes, a Keras 3 Sequential model only its rank (measured:
// tests/cases.py "keras3_checks_rank_only"): the same code is an error in one folder only.
const VERSIONED = `import numpy as np\nimport tensorflow as tf\n\nX = np.random.rand(8, 24, 1)\ny = np.zeros((8, 2))\nmodel = tf.keras.Sequential([\n    tf.keras.layers.Conv1D(4, 2, input_shape=(20, 1)),\n    tf.keras.layers.GlobalMaxPooling1D(),\n    tf.keras.layers.Dense(2),\n])\nmodel.compile("adam", "mse")\nmodel.fit(X, y, epochs=1)\n`;
const results = { steps: [] };

function step(name, detail) {
  results.steps.push({ name, ...detail });
  console.log(`ok - ${name}`);
}

function setup() {
  mkdirSync(path.join(data, "user", "User"), { recursive: true });
  rmSync(scratch, { recursive: true, force: true });
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
  writeFileSync(path.join(workspace, "dataset.py"), DATA_MODULE(3));
  writeFileSync(path.join(workspace, "train_from_module.py"), IMPORTER);
  for (const version of ["2", "3"]) {
    const folder = path.join(multi, `keras${version}`);
    mkdirSync(path.join(folder, ".vscode"), { recursive: true });
    writeFileSync(path.join(folder, ".vscode", "settings.json"), JSON.stringify({ "shapesense.kerasVersion": version }));
    writeFileSync(path.join(folder, `model_k${version}.py`), VERSIONED);
  }
  writeFileSync(path.join(multi, "two.code-workspace"), JSON.stringify({ folders: [{ path: "keras2" }, { path: "keras3" }], settings: {} }));
  // An untrusted folder whose settings name a hostile interpreter: in Restricted Mode the
  // extension must ignore it (restrictedConfigurations) and run with the user's interpreter.
  mkdirSync(path.join(untrusted, ".vscode"), { recursive: true });
  const hostile = path.join(untrusted, "evil-python.sh");
  writeFileSync(hostile, `#!/bin/sh\ntouch ${JSON.stringify(sentinel)}\nexec ${JSON.stringify(python)} "$@"\n`, { mode: 0o755 });
  writeFileSync(path.join(untrusted, ".vscode", "settings.json"), JSON.stringify({ "shapesense.interpreter": [hostile], "shapesense.importStrategy": "fromEnvironment" }));
  copyFileSync(path.join(examples, "seed_lstm.py"), path.join(untrusted, "seed_lstm.py"));
  writeFileSync(path.join(data, "user", "User", "settings.json"), JSON.stringify({
    "shapesense.interpreter": [python],
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
    "git.enabled": false,
    "workbench.editor.enablePreview": false, // each file opened stays open (the importer too)
    "shapesense.trace.server": process.env.SHAPESENSE_TRACE ?? "off",
  }, null, 2));
  writeFileSync(path.join(data, "config.yaml"), "auth: none\ncert: false\n");
  execFileSync(codeServer, ["--user-data-dir", path.join(data, "user"), "--extensions-dir", path.join(data, "ext"), "--install-extension", vsix], { stdio: "inherit" });
}

async function waitHealthy(server, at) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error("code-server exited");
    try {
      const r = await fetch(`http://127.0.0.1:${at}/healthz`);
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

function startCodeServer(at, userDir, trust, folder) {
  const args = ["--auth", "none", "--bind-addr", `127.0.0.1:${at}`, "--disable-telemetry", "--disable-update-check", ...(trust ? [] : ["--disable-workspace-trust"]), "--config", path.join(data, "config.yaml"), "--user-data-dir", userDir, "--extensions-dir", path.join(data, "ext"), folder];
  return spawn(codeServer, args, { stdio: ["ignore", "inherit", "inherit"] });
}

/** Click the first element of `locator` that lies inside the viewport (waiting up to 30 s). */
async function clickInView(page, locator) {
  const view = page.viewportSize();
  for (let i = 0; i < 60; i++) {
    for (const element of await locator.all()) {
      const box = await element.boundingBox();
      if (box && box.width > 0 && box.y >= 0 && box.y + box.height <= view.height && box.x >= 0 && box.x < view.width) {
        await element.click();
        return;
      }
    }
    await page.waitForTimeout(500);
  }
  throw new Error("no element of the locator is in view");
}

/** The language status item's text, from the {} button next to "Python" in the status bar. */
async function languageStatus(page, expected) {
  const button = page.locator("#status\\.languageStatus").first();
  await button.waitFor({ timeout: 30000 });
  await button.click();
  const item = page.locator(".hover-language-status, .monaco-hover", { hasText: expected }).first();
  await item.waitFor({ timeout: 30000 });
  const text = await item.innerText();
  return text;
}

async function closeHover(page) {
  await page.keyboard.press("Escape");
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
}

// Squiggles in the visible text editor only (a hidden notebook keeps its cells in the page).
function visibleErrors() {
  const editor = [...document.querySelectorAll(".editor-instance .monaco-editor")].find((e) => e.offsetParent !== null);
  return editor ? editor.querySelectorAll(".squiggly-error").length : -1;
}

async function errorsInEditor(page) {
  return page.evaluate(visibleErrors);
}

async function waitErrors(page, some) {
  await page.waitForFunction(`(${visibleErrors.toString()})() ${some ? "> 0" : "=== 0"}`, null, { timeout: 60000 });
}

async function run() {
  setup();
  const server = startCodeServer(port, path.join(data, "user"), false, workspace);
  let server2;
  let browser;
  let page;
  try {
    // playwright gives the browser a fresh profile of its own
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    await waitHealthy(server, port);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const served = [];
    await context.route(`${IMAGES}**`, async (route) => {
      const file = path.join(root, new URL(route.request().url()).pathname.split("/").slice(4).join("/"));
      served.push(path.relative(root, file));
      if (existsSync(file)) {
        await route.fulfill({ status: 200, contentType: "image/png", body: readFileSync(file) });
      } else {
        await route.fulfill({ status: 404, body: "not in the repository" });
      }
    });
    page = await context.newPage();
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

    // 5. The language status item ({} next to "Python") shows the Keras version for Python files.
    await openFile(page, "seed_lstm.py");
    const status = await languageStatus(page, "Keras 3");
    await page.screenshot({ path: path.join(out, "7-language-status.png") });
    await closeHover(page);
    step("language status item shows Keras 3", { status: status.replace(/\s+/g, " ").slice(0, 200) });

    // 6. A module that a file imports changes: on disk (file watcher), then in the editor.
    await openFile(page, "train_from_module.py");
    await waitErrors(page, true);
    writeFileSync(path.join(workspace, "dataset.py"), DATA_MODULE(5)); // as another program would
    await waitErrors(page, false);
    await page.screenshot({ path: path.join(out, "8-module-fixed-on-disk.png") });
    await openFile(page, "dataset.py");
    // The Problems panel may hold the focus (a row selected in an earlier step): click into this
    // editor's text so that the keystrokes below reach it. The notebook of step 4 keeps its cell
    // editors in the page, out of view, and one of them also reads "import numpy": click the line
    // that is in view.
    await clickInView(page, page.locator(".monaco-editor .view-line", { hasText: "import numpy" }));
    await page.keyboard.press("Control+G");
    await page.keyboard.type("3");
    await page.keyboard.press("Enter");
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("4"); // unsaved: X is now (150, 20, 4)
    await page.keyboard.press("Control+Shift+M");
    const importerRow = page.locator(".markers-panel .monaco-list-row", { hasText: "got 4" }).first();
    await importerRow.waitFor({ timeout: 60000 });
    const importerText = await importerRow.innerText();
    await page.screenshot({ path: path.join(out, "9-module-edited.png") });
    await page.keyboard.press("Control+Shift+M");
    step("imported module changed on disk and in the editor: the importer's diagnostics follow", { row: importerText.replace(/\s+/g, " ").slice(0, 160) });

    // 7. The extension's README (Extensions view): its images are absolute links that load.
    await page.keyboard.press("Control+Shift+X"); // lists the installed extensions (offline: only those)
    await page.locator(".extension-list-item", { hasText: "ShapeSense" }).first().click({ timeout: 30000 });
    let images = [];
    for (let i = 0; i < 60 && !(images.length >= 2 && images.every((img) => img.loaded)); i++) {
      await page.waitForTimeout(500);
      images = [];
      for (const frame of page.frames()) {
        const found = await frame.evaluate(() => [...document.querySelectorAll("img")].filter((img) => img.src.startsWith("https://raw.githubusercontent.com/")).map((img) => ({ src: img.src, loaded: img.complete && img.naturalWidth > 0 }))).catch(() => []);
        images.push(...found);
      }
    }
    await page.screenshot({ path: path.join(out, "10-readme.png") });
    if (images.length < 2 || !images.every((img) => img.loaded)) throw new Error(`README images did not load: ${JSON.stringify(images)} (served: ${served.join(", ")})`);
    step("the packaged README shows its images from absolute links to files in the repository", { images: images.map((img) => img.src) });

    // 8. Multi-root: two folders, Keras 2 and Keras 3 in folder settings, the same code.
    await page.goto(`http://127.0.0.1:${port}/?workspace=${encodeURIComponent(path.join(multi, "two.code-workspace"))}`);
    await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
    await page.waitForTimeout(3000);
    await openFile(page, "model_k2.py");
    await waitErrors(page, true);
    const k2 = await languageStatus(page, "Keras 2");
    await page.screenshot({ path: path.join(out, "11-multi-root-keras2.png") });
    await closeHover(page);
    await openFile(page, "model_k3.py");
    const k3 = await languageStatus(page, "Keras 3");
    await closeHover(page);
    await page.locator(".monaco-editor .codelens-decoration", { hasText: "param" }).first().waitFor({ timeout: 60000 }).catch(() => {});
    await page.waitForTimeout(2000);
    const k3Errors = await errorsInEditor(page);
    await page.screenshot({ path: path.join(out, "12-multi-root-keras3.png") });
    if (k3Errors !== 0) throw new Error(`the Keras 3 folder shows ${k3Errors} errors`);
    step("multi-root: the Keras 2 folder reports the model input's axis, the Keras 3 folder does not", { k2: k2.replace(/\s+/g, " ").slice(0, 120), k3: k3.replace(/\s+/g, " ").slice(0, 120) });

    // 9. Restricted Mode: a second code-server with workspace trust on; the folder is not trusted.
    const userDir2 = path.join(data, "user-trust");
    mkdirSync(path.join(userDir2, "User"), { recursive: true });
    const settings = JSON.parse(readFileSync(path.join(data, "user", "User", "settings.json"), "utf8"));
    writeFileSync(path.join(userDir2, "User", "settings.json"), JSON.stringify({ ...settings, "security.workspace.trust.enabled": true, "security.workspace.trust.startupPrompt": "always" }, null, 2));
    const port2 = port + 1000;
    server2 = startCodeServer(port2, userDir2, true, untrusted);
    await waitHealthy(server2, port2);
    await page.goto(`http://127.0.0.1:${port2}/?folder=${encodeURIComponent(untrusted)}`);
    await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
    const distrust = page.getByRole("button", { name: /No, I don.t trust/ }).first();
    await distrust.waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(out, "13-trust-prompt.png") });
    await distrust.click();
    await page.locator(".statusbar-item", { hasText: "Restricted Mode" }).first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(2000);
    await openFile(page, "seed_lstm.py");
    await page.waitForSelector(".monaco-editor .squiggly-error", { timeout: 60000 });
    await page.screenshot({ path: path.join(out, "14-restricted-mode.png") });
    if (existsSync(sentinel)) throw new Error("the workspace's interpreter setting ran in Restricted Mode");
    step("Restricted Mode: the extension checks the file, and the workspace's interpreter setting is ignored");
  } catch (error) {
    await page?.screenshot({ path: path.join(out, "failure.png") }).catch(() => {});
    throw error;
  } finally {
    await browser?.close();
    server.kill();
    server2?.kill();
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
