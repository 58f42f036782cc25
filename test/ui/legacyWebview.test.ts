/** @jest-environment jsdom */
import { readFileSync } from "fs";
import { join } from "path";

// The inline ES5 check in taskpane.html: Office 2019 shows add-ins with a shared runtime in IE11.
const html = readFileSync(join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
const script = /<script id="legacy-webview-check">([\s\S]*?)<\/script>/.exec(html)![1];

function bootWith(userAgent: string): HTMLElement {
  document.body.innerHTML = '<div id="container"><p class="boot">正在启动绩效表助手… Starting…</p></div>';
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  delete (window as { __legacyWebview?: boolean }).__legacyWebview;
  new Function(script)();
  return document.getElementById("container")!;
}

test("IE11 (Office 2019 with a shared runtime) gets a plain Chinese explanation and the pane does not boot", () => {
  const box = bootWith("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko");
  expect(box.textContent).toContain("无法运行绩效表助手的任务窗格");
  expect(box.textContent).toContain("budget-form check");
  expect(box.getAttribute("role")).toBe("alert");
  expect((window as { __legacyWebview?: boolean }).__legacyWebview).toBe(true);
});

test("legacy Edge (EdgeHTML) is told the same", () => {
  const box = bootWith(
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/64.0 Safari/537.36 Edge/18.19041",
  );
  expect(box.textContent).toContain("Office 2021");
});

test("WebView2 / Chromium and WKWebView boot normally", () => {
  for (const ua of [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
  ]) {
    const box = bootWith(ua);
    expect(box.textContent).toContain("正在启动");
    expect((window as { __legacyWebview?: boolean }).__legacyWebview).toBeUndefined();
  }
});
