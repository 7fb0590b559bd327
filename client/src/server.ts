// Starting one language server over stdio with vscode-languageclient, for one workspace folder.
import * as path from "node:path";
import * as vscode from "vscode";
import { DocumentSelector, DynamicFeature, LanguageClient, LanguageClientOptions, ServerOptions, StaticFeature } from "vscode-languageclient/node";
import { Interpreter } from "./interpreter";
import { Settings, serverSettings } from "./settings";

/** The documents one server checks: Python files and notebooks inside its folder; the server of
 * the first folder (or the only one, with no folder open) also takes untitled files, notebooks
 * outside any folder and the Interactive Window. */
export function documentSelector(folder: vscode.WorkspaceFolder | undefined, first: boolean): DocumentSelector {
  if (!folder) {
    return [
      { scheme: "file", language: "python" },
      { scheme: "untitled", language: "python" },
      { notebook: "*", language: "python" },
    ];
  }
  const inside = `${globEscape(folder.uri.fsPath.replace(/\\/g, "/"))}/**/*`;
  return [
    { scheme: "file", language: "python", pattern: inside },
    { notebook: { pattern: inside }, language: "python" },
    ...(first
      ? [
          { scheme: "untitled", language: "python" },
          { notebook: { scheme: "untitled" }, language: "python" },
          { notebook: { notebookType: "interactive" }, language: "python" },
        ]
      : []),
  ];
}

/** A path as a glob that matches just itself ([x] matches x literally). */
function globEscape(text: string): string {
  return text.replace(/[*?[\]{}]/g, (c) => `[${c}]`);
}

// How the server starts; tests/hardening/extension_launch.py reads these three lines, so keep their form.
// -I (isolated mode): neither the working directory, the launcher's folder nor PYTHONPATH is
// searched for modules, so no file of the workspace can be imported; the launcher adds the
// bundled libraries (useBundled); the working directory is the launcher's, not the workspace.
export const PYTHON_FLAGS = ["-I"];
export const LAUNCHER_DIR = ["bundled", "tool"];
export const LAUNCHER = [...LAUNCHER_DIR, "launch.py"];

export interface ClientParts {
  context: vscode.ExtensionContext;
  folder: vscode.WorkspaceFolder | undefined;
  first: boolean;
  python: Interpreter;
  settings: Settings;
  output: vscode.LogOutputChannel;
  /** Whether this server checks the notebook (the server's notebook selector names only types). */
  ownsNotebook: (notebook: vscode.NotebookDocument) => boolean;
  /** Told when a check starts and ends (diagnostics pulled), for the busy state. */
  busy: (checking: boolean) => void;
}

/** A client that, unless it is the first folder's, leaves out the editor commands for the
 * server's commands (shapesense.server.*): VS Code lets only one client register a command
 * name, and every folder's server offers the same ones. The extension itself sends
 * workspace/executeCommand to the right server directly. */
class FolderClient extends LanguageClient {
  static withCommands = true; // read while the base constructor registers the features

  registerFeature(feature: StaticFeature | DynamicFeature<unknown>): void {
    const method = (feature as { registrationType?: { method?: string } }).registrationType?.method;
    if (method === "workspace/executeCommand" && !FolderClient.withCommands) {
      return;
    }
    super.registerFeature(feature);
  }
}

export function createClient(parts: ClientParts): LanguageClient {
  const { context, folder, python, settings, output } = parts;
  const launch = {
    command: python.command,
    args: [...PYTHON_FLAGS, path.join(context.extensionPath, ...LAUNCHER), "serve"],
    options: { env: { ...process.env, SHAPESENSE_IMPORT_STRATEGY: settings.importStrategy }, cwd: path.join(context.extensionPath, ...LAUNCHER_DIR) },
  };
  // the interpreter's own arguments (shapesense.interpreter's items after the first) go first,
  // shapesense.args after `serve`
  launch.args = [...python.args, ...launch.args, ...settings.args];
  const serverOptions: ServerOptions = launch;
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(folder, parts.first),
    workspaceFolder: folder,
    outputChannel: output,
    traceOutputChannel: output,
    initializationOptions: serverSettings(settings, python.command),
    notebookDocumentOptions: { filterCells: (notebook, cells) => (parts.ownsNotebook(notebook) ? cells : []) },
    middleware: {
      provideDiagnostics: async (document, previousResultId, token, next) => {
        parts.busy(true);
        try {
          return await next(document, previousResultId, token);
        } finally {
          parts.busy(false);
        }
      },
    },
  };
  const name = folder ? `ShapeSense (${folder.name})` : "ShapeSense";
  // one id for every folder: the client reads its trace setting from `${id}.trace.server`
  FolderClient.withCommands = parts.first;
  try {
    return new FolderClient("shapesense", name, serverOptions, clientOptions);
  } finally {
    FolderClient.withCommands = true;
  }
}
