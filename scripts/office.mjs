#!/usr/bin/env node
// `npm start`, `npm run start:web`, `npm stop`: Office's sideloading tools, installed apart (`npm run setup:office`).
// They are not in the required install: under them, keytar needs a native build (libsecret on Linux), which broke
// `npm ci` on a fresh machine although the command and the tests never use them.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [action = "start", ...rest] = process.argv.slice(2);

function debuggingCli() {
  try {
    return require.resolve("office-addin-debugging/cli.js");
  } catch {
    return null;
  }
}

const cli = debuggingCli();
if (!cli) {
  const linux = process.platform === "linux";
  process.stderr.write(
    [
      "Les outils de chargement de version test d'Office (office-addin-debugging) ne sont pas installés.",
      "Installez-les une fois avec : npm run setup:office",
      linux
        ? "Sous Linux, il faut d'abord la bibliothèque libsecret : sudo apt-get install libsecret-1-dev (Debian, Ubuntu) — et Excel ne tourne pas sous Linux : chargez plutôt manifest.xml dans Excel sur le web (docs/installer.md)."
        : "Sous Windows et Mac, l'installation ne demande rien d'autre.",
      "",
      "Office's sideloading tools (office-addin-debugging) are not installed: run `npm run setup:office` once" +
        (linux ? " (on Linux, install libsecret-1-dev first)." : "."),
    ].join("\n") + "\n",
  );
  process.exit(2);
}
const args = action === "stop" ? ["stop", "manifest.xml"] : ["start", "manifest.xml", ...(action === "start:web" ? ["web"] : []), ...rest];
const r = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit" });
process.exit(r.status ?? 2);
