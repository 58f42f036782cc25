import { hostedByOffice } from "../../src/taskpane/officeFrame";

test("a page Office opened is recognised, so a slow Office.onReady never turns into the preview", () => {
  expect(hostedByOffice({ search: "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0", hash: "" }, false)).toBe(true);
  expect(hostedByOffice({ search: "", hash: "#_host_Info=Excel$Mac$16.01$zh-CN" }, false)).toBe(true);
  expect(hostedByOffice({ search: "", hash: "" }, true)).toBe(true); // Excel on the web: a frame
  expect(hostedByOffice({ search: "?file=x", hash: "" }, false)).toBe(false); // a browser tab: the preview is right
});
