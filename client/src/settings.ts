// Typed view of the extension's settings for one workspace folder, and what its server receives.
import * as os from "node:os";
import * as vscode from "vscode";

export type ImportStrategy = "useBundled" | "fromEnvironment";
export type Notifications = "off" | "onError" | "onWarning" | "always";
export type LogLevel = "error" | "warning" | "info" | "debug";

export interface Settings {
  interpreter: string[];
  importStrategy: ImportStrategy;
  args: string[];
  kerasVersion: "auto" | "2" | "3";
  device: "any" | "cpu-without-onednn" | null;
  inlayHints: boolean;
  debounceMs: number;
  severityOverrides: Record<string, string>;
  reportUnusedSuppressions: boolean | null;
  explainSilence: boolean;
  showNotifications: Notifications;
  logLevel: LogLevel;
}

/** ${workspaceFolder}, ${userHome} and ${env:NAME} in a path setting, as VS Code's own settings do. */
export function expand(value: string, folder?: vscode.WorkspaceFolder): string {
  return value
    .replace(/\$\{workspaceFolder\}/g, folder?.uri.fsPath ?? "")
    .replace(/\$\{userHome\}/g, os.homedir())
    .replace(/\$\{env:([^}]+)\}/g, (_all, name: string) => process.env[name] ?? "");
}

export function readSettings(folder?: vscode.WorkspaceFolder): Settings {
  const config = vscode.workspace.getConfiguration("shapesense", folder?.uri);
  // an older string value still works: it is one path
  const raw = config.get<string[] | string>("interpreter", []);
  const interpreter = (typeof raw === "string" ? [raw] : raw).filter((part) => part).map((part) => expand(part, folder));
  return {
    interpreter,
    importStrategy: config.get<ImportStrategy>("importStrategy", "useBundled"),
    args: config.get<string[]>("args", []).map((arg) => expand(arg, folder)),
    kerasVersion: config.get<"auto" | "2" | "3">("kerasVersion", "auto"),
    device: config.get<"any" | "cpu-without-onednn" | null>("device", null),
    inlayHints: config.get<boolean>("inlayHints", true),
    debounceMs: config.get<number>("debounceMs", 150),
    severityOverrides: config.get<Record<string, string>>("severityOverrides", {}),
    reportUnusedSuppressions: config.get<boolean | null>("reportUnusedSuppressions", null),
    explainSilence: config.get<boolean>("explainSilence", false),
    showNotifications: config.get<Notifications>("showNotifications", "onError"),
    logLevel: config.get<LogLevel>("logLevel", "info"),
  };
}

/** The initializationOptions / didChangeConfiguration payload the server understands. */
export function serverSettings(settings: Settings, python: string): Record<string, unknown> {
  return {
    kerasVersion: settings.kerasVersion,
    device: settings.device,
    inlayHints: settings.inlayHints,
    debounceMs: settings.debounceMs,
    severityOverrides: settings.severityOverrides,
    reportUnusedSuppressions: settings.reportUnusedSuppressions,
    explainSilence: settings.explainSilence,
    python,
  };
}

/** Settings whose change needs a new server process rather than a configuration update. */
export const RESTART_SETTINGS = ["shapesense.interpreter", "shapesense.importStrategy", "shapesense.args"];

/** Whether a notification of this kind is wanted under `showNotifications`. */
export function notifies(setting: Notifications, kind: "error" | "warning" | "info"): boolean {
  const rank = { off: 0, onError: 1, onWarning: 2, always: 3 }[setting];
  return rank >= { error: 1, warning: 2, info: 3 }[kind];
}
