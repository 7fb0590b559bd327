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

export function createClient(context: vscode.ExtensionContext, python: string, settings: Settings, output: vscode.OutputChannel): LanguageClient {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (settings.importStrategy === "useBundled") {
    const libs = path.join(context.extensionPath, "bundled", "libs");
    env.PYTHONPATH = env.PYTHONPATH ? `${libs}${path.delimiter}${env.PYTHONPATH}` : libs;
  }
  const serverOptions: ServerOptions = {
    command: python,
    args: ["-m", "shapesense", "serve"],
    options: { env, cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath },
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
