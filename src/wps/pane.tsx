/**
 * The WPS task pane (taskpane.html, opened by Application.CreateTaskPane): the same React pane as in
 * Excel, on the WPS host (WpsPane), with its own 收起 button (a docked pane has no close control of
 * ours) and the system's dark or light theme. Outside WPS (no Application object) it says so and
 * links to the browser preview instead of failing.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { globalApplication, globalRoot } from "../hosts/wps/wpsHost";
import { PaneRoot, hidePane } from "./paneControl";
import { WpsPane } from "./WpsPane";

/** The browser preview the Excel build writes next to dist/wps/ (webpack.config.js: preview.html). */
const PREVIEW = "../../preview.html";

const container = document.getElementById("container")!;
const app = globalApplication();
if (!app) {
  const p = document.createElement("p");
  p.className = "boot";
  p.textContent = "此页面需在 WPS 表格的绩效表助手窗格中打开。This page runs inside WPS Spreadsheets' add-in pane. ";
  const a = document.createElement("a");
  a.href = PREVIEW;
  a.textContent = "在浏览器中预览 / Open the browser preview";
  p.appendChild(a);
  // Not replaceChildren: the web view of older WPS builds predates it.
  while (container.firstChild) container.removeChild(container.firstChild);
  container.appendChild(p);
} else {
  document.body.dataset.mode = "wps";
  const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  const theme = dark ? webDarkTheme : webLightTheme;
  const collapse = () => hidePane(globalRoot() as unknown as PaneRoot | null);
  createRoot(container).render(
    <>
      <FluentProvider theme={theme} style={{ display: "flex", justifyContent: "flex-end", padding: "4px 8px 0" }}>
        <Button appearance="subtle" size="small" onClick={collapse} aria-label="收起窗格 / Hide the pane">
          收起
        </Button>
      </FluentProvider>
      <WpsPane app={app} theme={theme} />
    </>,
  );
}
