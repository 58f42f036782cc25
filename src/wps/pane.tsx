/**
 * The WPS task pane (taskpane.html, opened by Application.CreateTaskPane): the same React pane as in
 * Excel, on the WPS host (WpsPane). Outside WPS (no Application object) it says so instead of failing.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { webLightTheme } from "@fluentui/react-components";
import { globalApplication } from "../hosts/wps/wpsHost";
import { WpsPane } from "./WpsPane";

const container = document.getElementById("container")!;
const app = globalApplication();
if (!app) {
  const p = document.createElement("p");
  p.className = "boot";
  p.textContent = "此页面需在 WPS 表格的绩效表助手窗格中打开。This page runs inside WPS Spreadsheets' add-in pane.";
  container.replaceChildren(p);
} else {
  document.body.dataset.mode = "wps";
  createRoot(container).render(<WpsPane app={app} theme={webLightTheme} />);
}
