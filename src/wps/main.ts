/**
 * The WPS add-in's background page (index.html): the ribbon's callbacks. 一键校验 asks the pane to
 * check the workbook in front (src/app/lastResult: localStorage is shared by the add-in's pages) and
 * shows the pane; 打开窗格 shows or hides the pane. WPS calls the callbacks named in ribbon.xml as
 * globals of this page. This page never writes the workbook.
 */
import { requestCheck } from "../app/lastResult";
import { globalRoot } from "../hosts/wps/wpsHost";
import { PANE_KEY, PaneRoot, existingPane, paneUrl } from "./paneControl";
import { ProbeResult, ProbeWindow, probeRuntime } from "./runtimeProbe";

const CHECK_BUTTON = "bfaCheck";
const PANE_BUTTON = "bfaPane";

function root(): PaneRoot | null {
  return globalRoot() as unknown as PaneRoot | null;
}

function showPane(show: boolean | "toggle" = true): void {
  const r = root();
  if (!r) return;
  let pane = existingPane(r);
  if (!pane) {
    pane = r.CreateTaskPane(paneUrl(document.location.href), "绩效表助手");
    r.PluginStorage.setItem(PANE_KEY, String(pane.ID));
  }
  pane.Visible = show === "toggle" ? !pane.Visible : show;
}

/**
 * 一键校验: asks the pane to check the workbook in front and shows it. The check runs in the pane,
 * the one page that touches the workbook: two pages marking the same workbook would interleave their
 * bridge calls on the record of marks with no lock (issue #21). The request names the workbook, so a
 * pane showing another one starts over on this one rather than checking the wrong one.
 */
function runCheck(): void {
  const r = root() as (PaneRoot & { ActiveWorkbook?: Et.Workbook | null }) | null;
  let doc: string | null;
  try {
    doc = r?.ActiveWorkbook ? `wps:${r.ActiveWorkbook.FullName}` : null;
  } catch {
    doc = null;
  }
  if (doc) requestCheck({ at: Date.now(), doc });
  showPane(true);
}

interface Control {
  Id: string;
}

/** The web view, probed once when the add-in loads: an old one is told in words, not a blank pane. */
let runtime: ProbeResult | null = null;

function tooOld(): boolean {
  runtime ??= probeRuntime(window as unknown as ProbeWindow);
  if (!runtime.message) return false;
  alert(`${runtime.message.zh}\n${runtime.message.en}`);
  return true;
}

const callbacks = {
  OnAddinLoad(): boolean {
    runtime = probeRuntime(window as unknown as ProbeWindow);
    return true;
  },
  OnAction(control: Control): void {
    if (tooOld()) return;
    if (control.Id === CHECK_BUTTON) runCheck();
    else if (control.Id === PANE_BUTTON) showPane("toggle");
  },
  GetImage(control: Control): string {
    return control.Id === CHECK_BUTTON ? "images/check.png" : "images/pane.png";
  },
};

// Not globalThis alone: the probe above must be able to speak on a web view that lacks it.
Object.assign(typeof globalThis !== "undefined" ? globalThis : window, callbacks);
