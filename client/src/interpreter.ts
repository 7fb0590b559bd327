// Finding the Python interpreter for a workspace folder: the shapesense.interpreter setting, else
// the Python Environments extension's environment for the folder (when installed), else the
// Python extension's (through @vscode/python-extension, when installed; both are optional),
// else python3 on the PATH.
import { execFile } from "node:child_process";
import { PythonExtension } from "@vscode/python-extension";
import * as vscode from "vscode";

/** The part of the Python Environments extension's API that is used here. */
interface PythonEnvironmentsApi {
  getEnvironment(scope: vscode.Uri | undefined): Promise<{ execInfo?: { run?: { executable?: string; args?: string[] } } } | undefined>;
  onDidChangeEnvironment?: vscode.Event<unknown>;
}

const PYTHON_ENVS_EXTENSION = "ms-python.vscode-python-envs";
const PYTHON_EXTENSION = "ms-python.python";

export interface Interpreter {
  command: string;
  args: string[];
  source: string;
}

async function environmentsApi(): Promise<PythonEnvironmentsApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonEnvironmentsApi>(PYTHON_ENVS_EXTENSION);
  if (!extension) {
    return undefined;
  }
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    return typeof api?.getEnvironment === "function" ? api : undefined;
  } catch {
    return undefined;
  }
}

async function pythonApi(): Promise<PythonExtension | undefined> {
  if (!vscode.extensions.getExtension(PYTHON_EXTENSION)) {
    return undefined;
  }
  try {
    return await PythonExtension.api();
  } catch {
    return undefined;
  }
}

export async function findInterpreter(configured: string[], folder?: vscode.WorkspaceFolder): Promise<Interpreter> {
  if (configured.length > 0) {
    return { command: configured[0], args: configured.slice(1), source: "the shapesense.interpreter setting" };
  }
  const environments = await environmentsApi();
  if (environments) {
    try {
      const run = (await environments.getEnvironment(folder?.uri))?.execInfo?.run;
      if (run?.executable) {
        return { command: run.executable, args: run.args ?? [], source: "the Python Environments extension" };
      }
    } catch {
      // fall through to the Python extension
    }
  }
  const python = await pythonApi();
  if (python) {
    const resolved = await python.environments.resolveEnvironment(python.environments.getActiveEnvironmentPath(folder?.uri));
    const path = resolved?.executable.uri?.fsPath;
    if (path) {
      return { command: path, args: [], source: "the Python extension's environment" };
    }
  }
  return { command: "python3", args: [], source: "python3 on the PATH" };
}

/** Calls `listener` when either Python extension changes its chosen environment. */
export async function onInterpreterChange(listener: () => void): Promise<vscode.Disposable[]> {
  const disposables: vscode.Disposable[] = [];
  const environments = await environmentsApi();
  if (environments?.onDidChangeEnvironment) {
    disposables.push(environments.onDidChangeEnvironment(listener));
  }
  const python = await pythonApi();
  if (python) {
    disposables.push(python.environments.onDidChangeActiveEnvironmentPath(listener));
  }
  return disposables;
}

export interface Probe {
  ok: boolean;
  problem?: string;
}

/** Python >= 3.10 with numpy importable (and shapesense, when it should come from the environment).
 * Runs isolated (-I) from the extension's folder, so nothing of the workspace is imported. */
export function probeInterpreter(python: Interpreter, needShapesense: boolean, cwd: string): Promise<Probe> {
  const code = [
    "import sys",
    "assert sys.version_info >= (3, 10), 'Python ' + sys.version.split()[0] + ' is too old: ShapeSense needs 3.10 or newer'",
    "import numpy",
    ...(needShapesense ? ["import shapesense"] : []),
  ].join("\n");
  const shown = python.command;
  return new Promise((resolve) => {
    execFile(python.command, [...python.args, "-I", "-c", code], { timeout: 20000, cwd }, (error, _stdout, stderr) => {
      if (!error) {
        resolve({ ok: true });
        return;
      }
      const text = `${stderr}`.trim().split("\n").pop() ?? String(error);
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        resolve({ ok: false, problem: `No Python interpreter at '${shown}'. Install Python 3.10+ or set shapesense.interpreter.` });
      } else if (text.includes("numpy")) {
        resolve({ ok: false, problem: `numpy is not installed for ${shown}: run '${shown} -m pip install numpy'.` });
      } else if (text.includes("shapesense")) {
        resolve({ ok: false, problem: `shapesense is not installed for ${shown}: run '${shown} -m pip install shapesense' or set shapesense.importStrategy to useBundled.` });
      } else {
        resolve({ ok: false, problem: text });
      }
    });
  });
}
