/**
 * The WPS add-in's background page (index.html): the ribbon's callbacks. 一键校验 runs the one check
 * flow (read → check with the workbook's settings → mark) on the WPS host, hands the counts to the
 * pane (src/app/lastResult: localStorage is shared by the add-in's pages) and opens the pane when
 * there are errors; 打开窗格 shows or hides the pane. WPS calls the callbacks named in ribbon.xml as
 * globals of this page.
 */
import { publishOutcome } from "../app/lastResult";
import { validate } from "../app/validate";
import { errorMessage } from "../core/errors";
import { WpsHost, globalRoot } from "../hosts/wps/wpsHost";

const CHECK_BUTTON = "bfaCheck";
const PANE_BUTTON = "bfaPane";
/** PluginStorage is shared by the add-in's pages for the session: where the pane's id is kept. */
const PANE_KEY = "budgetFormAssistant.paneId";

interface Root {
  CreateTaskPane(url: string, title?: string): WPS.CustomTaskpane;
  GetTaskPane(id: number): WPS.CustomTaskpane | null;
  PluginStorage: WPS.PluginStorage;
}

function root(): Root | null {
  return globalRoot() as unknown as Root | null;
}

/** The pane page next to this one (CreateTaskPane takes a full URL). */
function paneUrl(location: string): string {
  return new URL("taskpane.html", location).href;
}

function existingPane(r: Root): WPS.CustomTaskpane | null {
  const id = Number(r.PluginStorage.getItem(PANE_KEY));
  if (!id) return null;
  try {
    return r.GetTaskPane(id) ?? null;
  } catch {
    return null; // closed with its document window
  }
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

async function runCheck(host: WpsHost = new WpsHost(), openPane: (show: boolean) => void = showPane): Promise<void> {
  try {
    const result = await validate(host);
    publishOutcome({
      at: Date.now(),
      summary: result.summary,
      ignored: result.ignored,
      ...(result.warnings.length ? { warnings: result.warnings } : {}),
    });
    if (result.summary.error > 0) openPane(true);
  } catch (e) {
    const msg = errorMessage(e);
    publishOutcome({ at: Date.now(), error: { zh: `校验失败:${msg}`, en: `The check failed: ${msg}` } });
    openPane(true);
  }
}

interface Control {
  Id: string;
}

const callbacks = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: Control): void {
    if (control.Id === CHECK_BUTTON) void runCheck();
    else if (control.Id === PANE_BUTTON) showPane("toggle");
  },
  GetImage(control: Control): string {
    return control.Id === CHECK_BUTTON ? "images/check.png" : "images/pane.png";
  },
};

Object.assign(globalThis, callbacks);
