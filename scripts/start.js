#!/usr/bin/env node
/**
 * `npm start`: builds dist/ when the sources are newer, then serves it on http://localhost:3000.
 * Linux and other systems without Excel get the browser preview. On Windows and macOS it also
 * explains how to sideload the add-in into Excel (Office wants https; the Office dev certificate is
 * used when it is installed).
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { serve } = require("./serve");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const PORT = Number(process.env.PORT || 3000);

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

function isStale() {
  const built = path.join(DIST, "taskpane.html");
  if (!fs.existsSync(built) || !fs.existsSync(path.join(DIST, "preview.html"))) return true;
  const inputs = ["src", "assets", "manifest.xml", "examples/seed-form.xlsx", "webpack.config.js", "package.json"];
  return Math.max(...inputs.map((i) => newest(path.join(ROOT, i)))) > fs.statSync(built).mtimeMs;
}

function build() {
  console.log("正在构建 dist/ … (webpack --mode production)");
  const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  const r = spawnSync(process.execPath, [webpack, "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) {
    console.error("构建失败,请查看上面的错误信息。");
    process.exit(r.status || 1);
  }
}

/** The Office dev certificate (npx office-addin-dev-certs install), if present. */
function devCert() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  if (fs.existsSync(cert) && fs.existsSync(key)) return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
  return null;
}

function sideloadHelp(platform, https) {
  const lines = [
    "",
    "在 Excel 中加载(旁加载)绩效表助手 / Sideload into Excel:",
    https
      ? "  · 已使用 Office 开发证书,以 https://localhost:3000/ 提供加载项。"
      : "  · Excel 只接受 https。请先运行一次: npx office-addin-dev-certs install ,然后重新 npm start。",
  ];
  if (platform === "win32") {
    lines.push(
      "  · Windows 版 Excel: 把本项目的 manifest.xml 放入一个共享文件夹,在 Excel「文件 → 选项 → 信任中心 → 信任中心设置 →",
      "    受信任的加载项目录」中添加该共享路径并勾选「显示在菜单中」,重启 Excel 后在「插入 → 我的加载项 → 共享文件夹」中添加。",
    );
  } else {
    lines.push(
      "  · Mac 版 Excel: 把 dist/manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
      "    (没有 wef 文件夹就新建),重启 Excel,在「插入 → 加载项 → 我的加载项」中选择绩效表助手。",
    );
  }
  lines.push(
    "  · 网页版 Excel: 「插入 → 加载项 → 上传我的加载项」,选择 dist/manifest.xml。",
    "  · 部署到自己的服务器: ADDIN_URL=https://你的地址/ npm run build,再把 dist/ 放到该地址。",
    "",
  );
  return lines.join("\n");
}

async function main() {
  if (isStale()) build();
  const desktop = process.platform === "win32" || process.platform === "darwin";
  const tls = desktop ? devCert() : null;
  let started;
  try {
    started = await serve({ root: DIST, port: PORT, tls });
  } catch (e) {
    console.error(`无法在端口 ${PORT} 启动服务器:${e.message}(可用 PORT=3001 npm start 换一个端口)`);
    process.exit(1);
  }
  const { url } = started;
  console.log(`\n绩效表助手 · 浏览器预览: ${url}`);
  console.log(`  (示例申报表会自动打开;也可以打开或拖入自己的 .xlsx。文件只在浏览器中处理,不会上传。)`);
  console.log(`  任务窗格页面: ${url}taskpane.html    清单: ${url}manifest.xml`);
  if (desktop) console.log(sideloadHelp(process.platform, !!tls));
  console.log("按 Ctrl+C 停止。");
}

main();
