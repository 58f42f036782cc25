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
import { PANE_KEY, PaneRoot, existingPane, paneUrl } from "./paneControl";

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
