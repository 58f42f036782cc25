/**
 * Entry of taskpane.html, Excel's pane: the Excel host, the ribbon commands and the pane, with
 * Office's theme. Opened anywhere else (office.js blocked, or a plain browser tab) it navigates to
 * preview.html instead of importing the preview: the preview and exceljs are another entry, so
 * nothing this page's chunk graph holds can load them inside Excel (test/build/entries.test.ts).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { loadExcel } from "./loadExcel";
import { pageHostedByOffice } from "./officeFrame";
import { fluentTheme, isDarkOfficeTheme } from "./theme";
import { errorMessage } from "../core/errors";
import { inEveryLanguage } from "../core/i18n";
import { PANE } from "./i18n";

/** If office.js loaded but cannot reach its host files, onReady never settles: fall back after this. */
const OFFICE_READY_TIMEOUT_MS = 8000;

const TIMED_OUT = Symbol("timed out");

async function officeHost(container: HTMLElement): Promise<string | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const ready = Office.onReady().then(
    (info) => (info.host ? String(info.host) : null),
    () => null,
  );
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => setTimeout(() => resolve(TIMED_OUT), OFFICE_READY_TIMEOUT_MS));
  const first = await Promise.race([ready, timeout]);
  if (first !== TIMED_OUT) return first;
  // Opened by Office: keep waiting for it, however slow, rather than show the preview inside Excel.
  if (!pageHostedByOffice()) return null;
  const p = document.createElement("p");
  p.className = "boot";
  p.textContent = inEveryLanguage(PANE.stillLoading);
  container.replaceChildren(p);
  return ready;
}

function officeIsDark(): boolean {
  try {
    return isDarkOfficeTheme(Office.context.officeTheme);
  } catch {
    return false; // officeTheme is missing on some platforms
  }
}

async function main(container: HTMLElement): Promise<void> {
  const host = await officeHost(container);
  if (host === "Excel") {
    const excel = await loadExcel();
    document.body.dataset.mode = "excel";
    createRoot(container).render(<App host={excel.host} theme={fluentTheme(officeIsDark())} externalChecks={excel.onRibbonCheck} />);
    return;
  }
  // Keep the query (?theme=…) so a link to the pane opens the same preview.
  window.location.replace(`preview.html${window.location.search}`);
}

const container = document.getElementById("container")!;
// taskpane.html already told a legacy webview's user why the pane cannot run; keep that message.
const legacy = (window as { __legacyWebview?: boolean }).__legacyWebview === true;
if (!legacy) {
  main(container).catch((e: unknown) => {
    const p = document.createElement("p");
    p.className = "boot";
    p.textContent = `${inEveryLanguage(PANE.cannotStart)} ${errorMessage(e)}`;
    container.replaceChildren(p);
  });
}
