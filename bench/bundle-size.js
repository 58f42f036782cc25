#!/usr/bin/env node
/**
 * Two numbers about the task pane, from a production build in dist/:
 *  1. the gzip size of the JavaScript taskpane.html loads before any dynamic import (what Excel
 *     downloads to show the pane), against a 200 KB budget, and whether exceljs is in it;
 *  2. the time from clicking 一键校验 to the findings on screen, in the browser preview under headless
 *     Chromium (median of several runs; skipped when /usr/bin/chromium is absent).
 *
 *   node bench/bundle-size.js [--runs 9] [--json]
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const { CHROMIUM, launchChromium } = require("../scripts/chromium");
const BUDGET_KB = 200;

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const kb = (n) => Math.round((n / 1024) * 10) / 10;

/** Local scripts the page itself loads (not the office.js CDN tag). */
function pageScripts(html) {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]).filter((src) => !/^[a-z]+:\/\//i.test(src));
}

function measureBundle() {
  const htmlPath = path.join(DIST, "taskpane.html");
  if (!fs.existsSync(htmlPath)) throw new Error("dist/taskpane.html is missing: run npm run build first");
  const scripts = pageScripts(fs.readFileSync(htmlPath, "utf8"));
  const reportPath = path.join(DIST, "bundle-report.json");
  const report = fs.existsSync(reportPath) ? JSON.parse(fs.readFileSync(reportPath, "utf8")).taskpane : null;
  const files = scripts.map((src) => {
    const buf = fs.readFileSync(path.join(DIST, src));
    return { file: src, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
  const gzip = files.reduce((a, f) => a + f.gzip, 0);
  const bytes = files.reduce((a, f) => a + f.bytes, 0);
  // The webpack report lists the modules of the entry's chunks; the script tags must be those chunks.
  const sameFiles = report ? [...report.initialFiles].sort().join() === [...scripts].sort().join() : null;
  return {
    files,
    bytes,
    gzip,
    budgetKb: BUDGET_KB,
    withinBudget: gzip <= BUDGET_KB * 1024,
    exceljsInInitialBundle: report ? report.containsExceljs : null,
    reportMatchesPage: sameFiles,
  };
}

async function measureCheckTime(runs) {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not found` };
  const { serve } = require("../scripts/serve");
  const { server, url } = await serve({ root: DIST, port: 0 });
  const browser = await launchChromium();
  try {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.route("**/*", (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === "127.0.0.1" || host === "localhost" ? route.continue() : route.abort();
    });
    const page = await ctx.newPage();
    await page.goto(`${url}preview.html`);
    await page.waitForSelector("[data-testid=sheet-grid]", { timeout: 30000 });
    await page.waitForFunction(
      () =>
        Number(document.querySelector("[data-check-seq]")?.getAttribute("data-check-seq")) >= 1 &&
        document.querySelector("[data-busy=false]"),
      null,
      { timeout: 30000 },
    );
    const times = [];
    for (let i = 0; i < runs; i++) {
      // Measured inside the page: from the click to the first frame where the new findings are in the DOM.
      const ms = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const pane = document.querySelector("[data-check-seq]");
            const before = Number(pane.getAttribute("data-check-seq"));
            const button = [...document.querySelectorAll("button")].find((b) => /校验(?!报告)/.test(b.textContent || ""));
            const t0 = performance.now();
            button.click();
            const poll = () => {
              const p = document.querySelector("[data-check-seq]");
              if (
                Number(p.getAttribute("data-check-seq")) > before &&
                p.getAttribute("data-busy") === "false" &&
                document.querySelector("[data-rule-id]")
              ) {
                requestAnimationFrame(() => resolve(performance.now() - t0));
              } else requestAnimationFrame(poll);
            };
            poll();
          }),
      );
      times.push(ms);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const findings = await page.locator("[data-rule-id]").count();
    return { runs, medianMs: Math.round(median), minMs: Math.round(sorted[0]), maxMs: Math.round(sorted[sorted.length - 1]), findings };
  } finally {
    await browser.close();
    server.close();
  }
}

async function main() {
  const runs = Number(arg("runs", 9));
  const bundle = measureBundle();
  const check = await measureCheckTime(runs);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ bundle, check }, null, 2));
    return;
  }
  console.log("Excel task pane: JavaScript loaded by taskpane.html before any dynamic import");
  for (const f of bundle.files) console.log(`  ${f.file}  ${kb(f.bytes)} KB minified, ${kb(f.gzip)} KB gzip`);
  console.log(`  total ${kb(bundle.gzip)} KB gzip (budget ${BUDGET_KB} KB): ${bundle.withinBudget ? "OK" : "OVER BUDGET"}`);
  const ex = bundle.exceljsInInitialBundle;
  console.log(`  exceljs in it: ${ex === null ? "unknown (no dist/bundle-report.json)" : ex ? "YES (it should load lazily)" : "no"}`);
  if (check.skipped) console.log(`一键校验 → findings shown: skipped (${check.skipped})`);
  else
    console.log(
      `一键校验 → findings shown (browser preview, example form, ${check.findings} findings, headless Chromium): median ${check.medianMs} ms over ${check.runs} runs (min ${check.minMs}, max ${check.maxMs})`,
    );
}

module.exports = { measureBundle, measureCheckTime, pageScripts };

if (require.main === module) {
  main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
