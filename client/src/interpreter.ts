// Finding the Python interpreter: the setting, else the Python extension's active environment
// (only when that extension is installed: it is optional), else python3 on the PATH.
import { execFile } from "node:child_process";
import * as vscode from "vscode";

interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string };
    resolveEnvironment(env: { path: string }): Promise<{ executable: { uri?: vscode.Uri } } | undefined>;
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
}

const PYTHON_EXTENSION = "ms-python.python";

async function pythonExtension(): Promise<PythonExtensionApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION);
  if (!extension) {
    return undefined;
  }
  try {
    return extension.isActive ? extension.exports : await extension.activate();
  } catch {
    return undefined;
  }
}

export async function findInterpreter(configured: string, resource?: vscode.Uri): Promise<{ path: string; source: string }> {
  if (configured) {
    return { path: configured, source: "the shapesense.interpreter setting" };
  }
  const api = await pythonExtension();
  if (api?.environments) {
    const active = api.environments.getActiveEnvironmentPath(resource);
    const resolved = await api.environments.resolveEnvironment(active);
    const path = resolved?.executable.uri?.fsPath;
    if (path) {
      return { path, source: "the Python extension's active environment" };
    }
  }
  return { path: "python3", source: "python3 on the PATH" };
}

export async function onInterpreterChange(listener: () => void): Promise<vscode.Disposable | undefined> {
  const api = await pythonExtension();
  const event = api?.environments?.onDidChangeActiveEnvironmentPath;
  return event ? event(listener) : undefined;
}

export interface Probe {
  ok: boolean;
  problem?: string;
}

/** Python >= 3.10 with numpy importable (and shapesense, when it should come from the environment). */
export function probeInterpreter(python: string, needShapesense: boolean): Promise<Probe> {
  const code = [
    "import sys",
    "assert sys.version_info >= (3, 10), 'Python ' + sys.version.split()[0] + ' is too old: ShapeSense needs 3.10 or newer'",
    "import numpy",
    ...(needShapesense ? ["import shapesense"] : []),
  ].join("\n");
  return new Promise((resolve) => {
    execFile(python, ["-c", code], { timeout: 20000 }, (error, _stdout, stderr) => {
      if (!error) {
        resolve({ ok: true });
        return;
      }
      const text = `${stderr}`.trim().split("\n").pop() ?? String(error);
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        resolve({ ok: false, problem: `No Python interpreter at '${python}'. Install Python 3.10+ or set shapesense.interpreter.` });
      } else if (text.includes("numpy")) {
        resolve({ ok: false, problem: `numpy is not installed for ${python}: run '${python} -m pip install numpy'.` });
      } else if (text.includes("shapesense")) {
        resolve({ ok: false, problem: `shapesense is not installed for ${python}: run '${python} -m pip install shapesense' or set shapesense.importStrategy to useBundled.` });
      } else {
        resolve({ ok: false, problem: text });
      }
    });
  });
}
