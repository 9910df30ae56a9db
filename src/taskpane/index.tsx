// Entry point: in Excel, the Office.js host; outside Office (Office.onReady gives no host), the standalone
// page, whose file host (the .xlsx reader and writer) is loaded only when a workbook is opened.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Lang } from "../engine/types.ts";
import { ExcelHost } from "../hosts/excel/excelHost.ts";
import { App } from "./App.tsx";
import { loadKit } from "./kit.ts";
import { officeReady } from "./officeReady.ts";
import "./taskpane.css";

function languageOf(tag: string | undefined): Lang {
  return tag && tag.toLowerCase().startsWith("en") ? "en" : "fr";
}

async function openFile(file: File) {
  const { FileHost } = await import(/* webpackChunkName: "file-host" */ "../hosts/file/fileHost.ts");
  return new FileHost(new Uint8Array(await file.arrayBuffer()), file.name);
}

function render(inExcel: boolean, lang: Lang) {
  // The page's language is the user's (screen readers pronounce English as English): taskpane.html says "fr".
  document.documentElement.lang = lang;
  const root = createRoot(document.getElementById("root")!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} host={inExcel ? new ExcelHost(Excel) : null} openFile={openFile} />
    </FluentProvider>,
  );
}

// The analysis kit downloads while Office starts and the pane renders (its own chunk: see kit.ts).
void loadKit();
const office = (globalThis as { Office?: typeof Office }).Office;
// Office.js absent (offline, a plain page) or silent (loaded outside Office, onReady never called): standalone.
void officeReady(office).then((info) => {
  const inExcel = !!office && info?.host === office.HostType.Excel && typeof Excel !== "undefined";
  render(inExcel, languageOf(inExcel ? office!.context.displayLanguage : navigator.language));
});
