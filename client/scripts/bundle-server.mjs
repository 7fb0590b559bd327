// Vendors the server and its pure-Python dependencies into bundled/libs, so the extension runs
// without installing anything in the user's environment (no jedi: project modules are found by
// file names alone). numpy is not vendored: it is compiled,
// and every environment that runs Keras has it.
import { execFileSync } from "node:child_process";
import { rmSync, mkdirSync } from "node:fs";

const python = process.env.PYTHON ?? "python3";
const target = "bundled/libs";
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const pure = ["pygls==2.1.1", "lsprotocol==2025.0.0", "cattrs==26.2.1", "attrs==26.1.0", "typing_extensions==4.15.0", "exceptiongroup==1.3.2"];
execFileSync(python, ["-m", "pip", "install", "--quiet", "--no-deps", "--no-compile", "--target", target, ".", ...pure], { stdio: "inherit" });
