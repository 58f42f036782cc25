/**
 * The WPS task pane (taskpane.html, opened by Application.CreateTaskPane): the same React pane as in
 * Excel, on the WPS host. Outside WPS (no Application object) it says so instead of failing.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { webLightTheme } from "@fluentui/react-components";
import { subscribeOutcome } from "../app/lastResult";
import { App } from "../taskpane/components/App";
import { WpsHost, globalApplication } from "../hosts/wps/wpsHost";

const container = document.getElementById("container")!;
if (!globalApplication()) {
  const p = document.createElement("p");
  p.className = "boot";
  p.textContent = "此页面需在 WPS 表格的绩效表助手窗格中打开。This page runs inside WPS Spreadsheets' add-in pane.";
  container.replaceChildren(p);
} else {
  document.body.dataset.mode = "wps";
  const host = new WpsHost();
  // The ribbon's 一键校验 runs in the add-in's background page; its result arrives through storage.
  const ribbonChecks = (listener: () => void) =>
    subscribeOutcome(
      () => host.documentId(),
      () => listener(),
      { crossPage: true },
    );
  createRoot(container).render(<App host={host} theme={webLightTheme} externalChecks={ribbonChecks} />);
}
