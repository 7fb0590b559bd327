// One language server per workspace folder, with the folder's own settings and interpreter, and
// a language status item showing its Keras version (busy while it starts or checks).
// Starts, stops and restarts are serialised: a restart asked for while one runs waits for it,
// and several asked for at once collapse into one.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { Interpreter, findInterpreter, probeInterpreter } from "./interpreter";
import { ClientParts, createClient, documentSelector } from "./server";
import { Settings, notifies, readSettings, serverSettings } from "./settings";

interface ServerInfo {
  keras?: number;
  version?: string;
  kerasSetting?: string;
  kerasOrigin?: string;
}

export class FolderServer implements vscode.Disposable {
  client: LanguageClient | undefined;
  private readonly status: vscode.LanguageStatusItem;
  private queue: Promise<void> = Promise.resolve();
  private pendingRestart = false;
  private settings: Settings;
  private disposed = false;
  private pythonCommand = "";

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly folder: vscode.WorkspaceFolder | undefined,
    private readonly first: () => boolean,
    private readonly ownsNotebook: ClientParts["ownsNotebook"],
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.settings = readSettings(folder);
    const id = `shapesense.status${folder ? `.${folder.index}` : ""}`;
    this.status = vscode.languages.createLanguageStatusItem(id, documentSelector(folder, first()));
    this.status.name = folder ? `ShapeSense (${folder.name})` : "ShapeSense";
    this.status.text = "ShapeSense";
    this.status.detail = "starting";
    this.status.busy = true;
  }

  /** Start (or restart) after whatever is running: never two servers for one folder. */
  restart(): Promise<void> {
    if (this.pendingRestart) {
      return this.queue; // a restart is already waiting: it will read the newest settings
    }
    this.pendingRestart = true;
    this.queue = this.queue.then(async () => {
      this.pendingRestart = false;
      await this.stopNow();
      if (!this.disposed) {
        await this.startNow();
      }
    }).catch((error: unknown) => this.failed(String(error)));
    return this.queue;
  }

  stop(): Promise<void> {
    this.queue = this.queue.then(() => this.stopNow()).catch(() => undefined);
    return this.queue;
  }

  /** Settings a running server takes without a restart (Keras version, inlay hints...). */
  async settingsChanged(): Promise<void> {
    await this.queue;
    this.settings = readSettings(this.folder);
    const client = this.client;
    if (!client?.isRunning()) {
      return;
    }
    await client.sendNotification("workspace/didChangeConfiguration", { settings: serverSettings(this.settings, this.pythonCommand) });
    await this.showInfo(client);
  }

  private log(level: "debug" | "info" | "warning" | "error", message: string): void {
    const order = ["error", "warning", "info", "debug"];
    if (order.indexOf(level) > order.indexOf(this.settings.logLevel)) {
      return;
    }
    const where = this.folder ? `[${this.folder.name}] ` : "";
    const write = { debug: this.output.debug, info: this.output.info, warning: this.output.warn, error: this.output.error }[level];
    write.call(this.output, where + message);
  }

  private async startNow(): Promise<void> {
    this.settings = readSettings(this.folder);
    this.setBusy("starting");
    const python: Interpreter = await findInterpreter(this.settings.interpreter, this.folder);
    this.pythonCommand = python.command;
    this.log("info", `Python: ${[python.command, ...python.args].join(" ")} (from ${python.source}); server: ${this.settings.importStrategy}`);
    const probe = await probeInterpreter(python, this.settings.importStrategy === "fromEnvironment", this.context.extensionPath);
    if (!probe.ok) {
      this.failed(probe.problem ?? "the interpreter cannot run the server");
      return;
    }
    const client = createClient({
      context: this.context,
      folder: this.folder,
      first: this.first(),
      python,
      settings: this.settings,
      output: this.output,
      ownsNotebook: this.ownsNotebook,
      busy: (checking) => (this.status.busy = checking),
    });
    this.client = client;
    await client.start();
    this.log("debug", "server started");
    await this.showInfo(client);
  }

  private async showInfo(client: LanguageClient): Promise<void> {
    const info = (await client.sendRequest("workspace/executeCommand", { command: "shapesense.server.info", arguments: [] })) as ServerInfo | null;
    const keras = info?.keras ?? "?";
    this.status.busy = false;
    this.status.severity = vscode.LanguageStatusSeverity.Information;
    this.status.text = `Keras ${keras}`;
    this.status.detail = info?.kerasOrigin ? `Keras ${keras}: ${info.kerasOrigin}` : `ShapeSense ${info?.version ?? ""} (setting: ${info?.kerasSetting ?? this.settings.kerasVersion})`;
    this.status.command = { title: "Show Log", command: "shapesense.showLog" };
  }

  private setBusy(detail: string): void {
    this.status.busy = true;
    this.status.detail = detail;
  }

  private failed(problem: string): void {
    this.status.busy = false;
    this.status.severity = vscode.LanguageStatusSeverity.Error;
    this.status.text = "ShapeSense: not running";
    this.status.detail = problem;
    this.status.command = { title: "Open Settings", command: "workbench.action.openSettings", arguments: ["shapesense.interpreter"] };
    this.log("error", problem);
    if (notifies(this.settings.showNotifications, "error")) {
      const where = this.folder ? ` (${this.folder.name})` : "";
      void vscode.window.showErrorMessage(`ShapeSense cannot start${where}: ${problem}`, "Open Settings").then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand("workbench.action.openSettings", "shapesense.interpreter");
        }
      });
    }
  }

  private async stopNow(): Promise<void> {
    const running = this.client;
    this.client = undefined;
    if (running) {
      this.setBusy("stopping");
      try {
        await running.stop();
      } catch (error) {
        this.log("warning", `stopping the server: ${String(error)}`);
      }
    }
  }

  /** Whether this folder's server checks `uri` (files inside the folder). */
  contains(uri: vscode.Uri): boolean {
    return this.folder !== undefined && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === this.folder.uri.toString();
  }

  dispose(): void {
    this.disposed = true;
    this.status.dispose();
  }
}
