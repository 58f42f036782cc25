/** The pane's handle: its address under a Chinese profile path, and its own 收起. */
import { PANE_KEY, PaneRoot, hidePane, paneUrl } from "../../../src/wps/paneControl";

test("the pane's URL is decoded when the add-in lives under a Chinese profile path (issue #22)", () => {
  const page = "file:///C:/Users/%E5%BC%A0%E4%B8%89/AppData/Roaming/kingsoft/wps/jsaddons/budget-form_1.0.0/index.html";
  expect(paneUrl(page)).toBe("file:///C:/Users/张三/AppData/Roaming/kingsoft/wps/jsaddons/budget-form_1.0.0/taskpane.html");
  expect(paneUrl("http://127.0.0.1:3889/budget-form_1.0.0/index.html")).toBe("http://127.0.0.1:3889/budget-form_1.0.0/taskpane.html");
});

test("收起 hides the pane the background page created, found by the id it keeps in PluginStorage", () => {
  const pane = { ID: 7, Visible: true } as unknown as WPS.CustomTaskpane;
  const store = new Map<string, string>([[PANE_KEY, "7"]]);
  const root = {
    GetTaskPane: (id: number) => (id === 7 ? pane : null),
    PluginStorage: { getItem: (k: string) => store.get(k) ?? null },
  } as unknown as PaneRoot;
  expect(hidePane(root)).toBe(true);
  expect(pane.Visible).toBe(false);
  // No pane (closed with its window) or no WPS: nothing to hide, no crash.
  store.clear();
  expect(hidePane(root)).toBe(false);
  expect(hidePane(null)).toBe(false);
});
