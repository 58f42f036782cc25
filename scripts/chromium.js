/**
 * The one way this project starts a browser: Debian's chromium driven by playwright-core, never a
 * downloaded one, with the flags the brief gives (no sandbox for containers, no background network
 * or component updates, so a test run makes no request of its own). Plain JS so bench/bundle-size.js
 * can require it without a compiler; the screenshot scripts and the e2e test import it too.
 */
"use strict";

const CHROMIUM = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** chromium.launch with the flags above; `extra` adds launch options (a timeout). */
function launchChromium(extra = {}) {
  const { chromium } = require("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...extra });
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, launchChromium };
