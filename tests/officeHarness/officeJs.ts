// The real Excel JavaScript client (@microsoft/office-js, a dev dependency) loaded in a Node `vm` context,
// with its transport replaced: every context.sync() hands us the exact request body Excel would receive
// (`{ Actions, ObjectPaths }`, arr[4] of executeRichApiRequestAsync) and we answer in the client's format.
// Microsoft's files are read from node_modules at test time, never copied into the repository.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import vm from "node:vm";

/** What the transport answers: a response body (JSON text) or an Office.js failure code (5001, 5103…). */
export type TransportAnswer = { body: string } | { failCode: number; message?: string };
export type Transport = (requestBody: string) => TransportAnswer;

export interface OfficeJsClient {
  /** The client's `Excel` namespace (Excel.run, enums…). */
  Excel: any;
  OfficeExtension: any;
  /** Replaces the function every batch goes through. */
  setTransport(t: Transport): void;
}

let cachedSource: string | null = null;

/** The path of the client's debug build (readable stacks, same protocol as the minified one). */
export function officeJsPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@microsoft/office-js/package.json");
  return join(dirname(pkg), "dist", "excel-web-16.00.debug.js");
}

/** A fresh client (its own globals, request ids and tracked objects) in its own vm context. */
export function loadOfficeJs(): OfficeJsClient {
  cachedSource ??= readFileSync(officeJsPath(), "utf8");
  const storage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
  const sandbox: Record<string, unknown> = {
    navigator: { userAgent: "Mozilla/5.0 (Node harness)" },
    document: {
      readyState: "complete",
      cookie: "",
      addEventListener: () => undefined,
      getElementsByTagName: () => [],
      createElement: () => ({ style: {}, setAttribute: () => undefined }),
      head: { appendChild: () => undefined },
    },
    location: { href: "https://localhost/taskpane.html", protocol: "https:", host: "localhost", hostname: "localhost", search: "", hash: "" },
    localStorage: storage,
    sessionStorage: storage,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    console: { log: () => undefined, warn: () => undefined, error: () => undefined, info: () => undefined },
    Promise,
    JSON,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(cachedSource, sandbox, { filename: "excel-web-16.00.debug.js" });
  const osf = sandbox.OSF as any;
  let transport: Transport = () => ({ failCode: 5001, message: "no transport" });
  osf.DDA.RichApi.executeRichApiRequestAsync = (arr: unknown[], cb: (r: unknown) => void) => {
    const answer = transport(String(arr[4]));
    // The real host answers asynchronously.
    setImmediate(() => {
      if ("body" in answer) cb({ status: "succeeded", value: { data: [200, [], answer.body] } });
      else cb({ status: "failed", error: { code: answer.failCode, message: answer.message ?? "" } });
    });
  };
  return {
    Excel: sandbox.Excel,
    OfficeExtension: sandbox.OfficeExtension,
    setTransport(t) {
      transport = t;
    },
  };
}
