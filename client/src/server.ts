// Starting the language server over stdio with vscode-languageclient.
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import { Settings, serverSettings } from "./settings";

export const DOCUMENT_SELECTOR = [
  { scheme: "file", language: "python" },
  { scheme: "untitled", language: "python" },
  { scheme: "vscode-notebook-cell", language: "python" },
  { notebook: "*", language: "python" },
];

// How the server starts; tests/hardening/extension_launch.py reads these three lines, so keep their form.
// -I (isolated mode): neither the working directory, the launcher's folder nor PYTHONPATH is
// searched for modules, so no file of the workspace can be imported; the launcher adds the
// bundled libraries (useBundled); the working directory is the launcher's, not the workspace.
export const PYTHON_FLAGS = ["-I"];
export const LAUNCHER_DIR = ["bundled", "tool"];
export const LAUNCHER = [...LAUNCHER_DIR, "launch.py"];

export function createClient(context: vscode.ExtensionContext, python: string, settings: Settings, output: vscode.OutputChannel): LanguageClient {
  const serverOptions: ServerOptions = {
    command: python,
    args: [...PYTHON_FLAGS, path.join(context.extensionPath, ...LAUNCHER), "serve"],
    options: { env: { ...process.env, SHAPESENSE_IMPORT_STRATEGY: settings.importStrategy }, cwd: path.join(context.extensionPath, ...LAUNCHER_DIR) },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    traceOutputChannel: output,
    initializationOptions: serverSettings(settings, python),
    synchronize: { configurationSection: "shapesense" },
  };
  return new LanguageClient("shapesense", "ShapeSense", serverOptions, clientOptions);
}
