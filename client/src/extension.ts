// Activation: find Python, check it, start the server; restart it when the interpreter or the
// settings that choose the server change. Commands: restart, model summary, show log.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { findInterpreter, onInterpreterChange, probeInterpreter } from "./interpreter";
import { createClient } from "./server";
import { RESTART_SETTINGS, readSettings } from "./settings";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;

async function start(context: vscode.ExtensionContext): Promise<void> {
  const settings = readSettings();
  const interpreter = await findInterpreter(settings.interpreter, vscode.workspace.workspaceFolders?.[0]?.uri);
  output.info(`Python: ${interpreter.path} (from ${interpreter.source}); server: ${settings.importStrategy}`);
  const probe = await probeInterpreter(interpreter.path, settings.importStrategy === "fromEnvironment");
  if (!probe.ok) {
    status.text = "$(error) ShapeSense";
    status.tooltip = probe.problem;
    status.show();
    output.error(probe.problem ?? "the interpreter cannot run the server");
    void vscode.window.showErrorMessage(`ShapeSense cannot start: ${probe.problem}`, "Open Settings").then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand("workbench.action.openSettings", "shapesense.interpreter");
      }
    });
    return;
  }
  client = createClient(context, interpreter.path, settings, output);
  await client.start();
  const info = (await client.sendRequest("workspace/executeCommand", { command: "shapesense.server.info", arguments: [] })) as { keras?: number; version?: string } | null;
  status.text = `$(check) Keras ${info?.keras ?? "?"}`;
  status.tooltip = `ShapeSense ${info?.version ?? ""} checks against Keras ${info?.keras ?? "?"} (setting: ${settings.kerasVersion})`;
  status.command = "shapesense.showLog";
  status.show();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}

async function showModelSummary(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) {
    return;
  }
  const summary = (await client.sendRequest("workspace/executeCommand", {
    command: "shapesense.server.modelSummaryAt",
    arguments: [editor.document.uri.toString(), { line: editor.selection.active.line, character: editor.selection.active.character }],
  })) as string | null;
  if (!summary) {
    void vscode.window.showInformationMessage("ShapeSense: no model with known shapes at or above the cursor.");
    return;
  }
  output.info(`\n${summary}`);
  output.show(true);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("ShapeSense", { log: true });
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand("shapesense.restart", () => restart(context)),
    vscode.commands.registerCommand("shapesense.showModelSummary", showModelSummary),
    vscode.commands.registerCommand("shapesense.showLog", () => output.show()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTINGS.some((key) => event.affectsConfiguration(key))) {
        void restart(context);
      }
    }),
  );
  const watcher = await onInterpreterChange(() => void restart(context));
  if (watcher) {
    context.subscriptions.push(watcher);
  }
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
