/**
 * The task pane's handle, shared by the background page (which creates the pane) and the pane
 * (which hides itself with its own 收起 button: a docked pane has no close control of ours, and
 * 打开窗格 was the only way to close it). Free of side effects so both pages can import it.
 */

/** PluginStorage is shared by the add-in's pages for the session: where the pane's id is kept. */
export const PANE_KEY = "budgetFormAssistant.paneId";

export interface PaneRoot {
  CreateTaskPane(url: string, title?: string): WPS.CustomTaskpane;
  GetTaskPane(id: number): WPS.CustomTaskpane | null;
  PluginStorage: WPS.PluginStorage;
}

/**
 * The pane page next to this one, as a full URL (CreateTaskPane takes one). When the add-in lives
 * under a profile path with Chinese characters, document.location comes percent-encoded and WPS
 * does not find the page; issue #22: "decode it, as the official template does" (not re-checked
 * against the template's source here), so the address is decodeURI'd.
 */
export function paneUrl(location: string): string {
  let href = new URL("taskpane.html", location).href;
  try {
    href = decodeURI(href);
  } catch {
    // A malformed escape: the encoded address is still the best we have.
  }
  return href;
}

export function existingPane(r: PaneRoot): WPS.CustomTaskpane | null {
  const id = Number(r.PluginStorage.getItem(PANE_KEY));
  if (!id) return null;
  try {
    return r.GetTaskPane(id) ?? null;
  } catch {
    return null; // closed with its document window
  }
}

/** 收起: hides the pane; false when there is none to hide (outside WPS, or closed already). */
export function hidePane(r: PaneRoot | null): boolean {
  const pane = r && existingPane(r);
  if (!pane) return false;
  pane.Visible = false;
  return true;
}
