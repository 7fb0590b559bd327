// Typed view of the extension's settings, and what the server receives from them.
import * as vscode from "vscode";

export interface Settings {
  interpreter: string;
  importStrategy: "useBundled" | "fromEnvironment";
  kerasVersion: "auto" | "2" | "3";
  inlayHints: boolean;
  debounceMs: number;
  severityOverrides: Record<string, string>;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration("shapesense", scope);
  return {
    interpreter: config.get<string>("interpreter", ""),
    importStrategy: config.get<"useBundled" | "fromEnvironment">("importStrategy", "useBundled"),
    kerasVersion: config.get<"auto" | "2" | "3">("kerasVersion", "auto"),
    inlayHints: config.get<boolean>("inlayHints", true),
    debounceMs: config.get<number>("debounceMs", 150),
    severityOverrides: config.get<Record<string, string>>("severityOverrides", {}),
  };
}

/** The initializationOptions / didChangeConfiguration payload the server understands. */
export function serverSettings(settings: Settings, python: string): Record<string, unknown> {
  return {
    kerasVersion: settings.kerasVersion,
    inlayHints: settings.inlayHints,
    debounceMs: settings.debounceMs,
    severityOverrides: settings.severityOverrides,
    python,
  };
}

/** Settings whose change needs a new server process rather than a configuration update. */
export const RESTART_SETTINGS = ["shapesense.interpreter", "shapesense.importStrategy"];
