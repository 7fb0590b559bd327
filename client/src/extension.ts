// Activation: one server per workspace folder (folder settings, folder interpreter), started in
// the background so activation never waits for Python. Restarts when the interpreter or the
// settings that choose the server change. Commands: restart, model summary, show log.
import * as vscode from "vscode";
import { FolderServer } from "./folder";
import { onInterpreterChange } from "./interpreter";
import { RESTART_SETTINGS } from "./settings";

let output: vscode.LogOutputChannel;
const servers = new Map<string, FolderServer>(); // by folder uri ("" with no folder open)

function key(folder: vscode.WorkspaceFolder | undefined): string {
  return folder ? folder.uri.toString() : "";
}

/** The server that checks `uri`: its folder's, else the first folder's (untitled files, the
 * Interactive Window, files outside every folder). */
function serverFor(uri: vscode.Uri): FolderServer | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return (folder && servers.get(key(folder))) ?? servers.get(key(vscode.workspace.workspaceFolders?.[0]));
}

function addServer(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder | undefined): void {
  const server: FolderServer = new FolderServer(
    context,
    folder,
    () => !folder || folder.index === 0,
    (notebook) => serverFor(notebook.uri) === server,
    output,
  );
  servers.set(key(folder), server);
  void server.restart();
}

async function removeServer(folder: vscode.WorkspaceFolder | undefined): Promise<void> {
  const server = servers.get(key(folder));
  servers.delete(key(folder));
  if (server) {
    await server.stop();
    server.dispose();
  }
}

function startAll(context: vscode.ExtensionContext): void {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    addServer(context, undefined);
  }
  for (const folder of folders) {
    addServer(context, folder);
  }
}

async function showModelSummary(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const client = editor ? serverFor(editor.document.uri)?.client : undefined;
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

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel("ShapeSense", { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("shapesense.restart", () => Promise.all([...servers.values()].map((server) => server.restart()))),
    vscode.commands.registerCommand("shapesense.showModelSummary", showModelSummary),
    vscode.commands.registerCommand("shapesense.showLog", () => output.show()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      for (const server of servers.values()) {
        const scope = server.folder?.uri;
        if (RESTART_SETTINGS.some((setting) => event.affectsConfiguration(setting, scope))) {
          void server.restart();
        } else if (event.affectsConfiguration("shapesense", scope)) {
          void server.settingsChanged();
        }
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(async (event) => {
      for (const folder of event.removed) {
        await removeServer(folder);
      }
      if (servers.has("") && (vscode.workspace.workspaceFolders ?? []).length > 0) {
        await removeServer(undefined);
      }
      for (const folder of event.added) {
        addServer(context, folder);
      }
    }),
  );
  startAll(context);
  // The Python extensions may take a while to activate: listen for their changes without waiting.
  void onInterpreterChange(() => {
    for (const server of servers.values()) {
      void server.restart();
    }
  }).then((disposables) => context.subscriptions.push(...disposables));
}

export async function deactivate(): Promise<void> {
  await Promise.all([...servers.keys()].map((folder) => removeServer(servers.get(folder)?.folder)));
}
