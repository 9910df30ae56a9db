// The layer rule of docs/architecture.md: each layer imports only the layers above it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const office = ["office-js", "@microsoft/*", "office-addin-*"];
const ui = ["react", "react-dom", "react-dom/*", "@fluentui/*"];
const node = ["node:*", "fs", "fs/*", "path", "os", "child_process", "url", "stream", "zlib", "crypto", "util"];
const layer = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "coverage/**", "docs/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["scripts/**/*.{js,mjs}", "bin/**/*.mjs", "*.config.{js,ts}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    ignores: ["src/engine/**/*.test.ts"],
    rules: layer(
      [...office, ...ui, ...node, "exceljs", "**/workbook/**", "**/hosts/**", "**/taskpane/**", "**/cli/**"],
      "src/engine is pure domain code: no Office, React, exceljs, Node or other layer imports (docs/architecture.md, layers).",
    ),
  },
  {
    files: ["src/workbook/**/*.ts"],
    ignores: ["src/workbook/**/*.test.ts"],
    rules: layer(
      [...office, ...ui, ...node, "exceljs", "**/hosts/**", "**/taskpane/**", "**/cli/**"],
      "src/workbook is host-free: it imports src/engine only (docs/architecture.md, layers).",
    ),
  },
  {
    files: ["src/hosts/file/**/*.ts"],
    rules: layer([...office, ...ui, "**/taskpane/**", "**/cli/**", "**/hosts/excel/**"], "the file host imports engine and workbook only."),
  },
  {
    files: ["src/hosts/excel/**/*.ts"],
    rules: layer([...ui, ...node, "exceljs", "**/taskpane/**", "**/cli/**", "**/hosts/file/**"], "the Excel host imports engine and workbook only."),
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    ignores: ["src/taskpane/**/*.test.ts", "src/taskpane/**/*.test.tsx"],
    rules: layer([...node, "**/cli/**"], "the task pane talks to hosts through the port, never to Node or the CLI."),
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: layer([...office, ...ui, "**/taskpane/**", "**/hosts/excel/**"], "the CLI uses the file host only."),
  },
);
