#!/usr/bin/env node
"use strict";
// The CLI is compiled from src/ into lib/ (npm run build:cli, also run by npm install).
const { existsSync } = require("fs");
const { join } = require("path");

const entry = join(__dirname, "..", "lib", "cli", "main.js");
if (!existsSync(entry)) {
  process.stderr.write(
    "绩效表助手命令行尚未构建:请在项目文件夹中运行 npm run build:cli(或 npm install)后再试。\n" +
      "The command line tool is not built yet: run npm run build:cli (or npm install) in the project folder.\n",
  );
  process.exit(2);
}

// `budget-form check … | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(process.exitCode || 0);
  throw e;
});

require(entry)
  .main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    // The verdict table's width and colours (lib/cli/table.js: tableWidth, useColour).
    terminal: process.stdout,
    env: process.env,
  })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`内部错误 / Internal error: ${e && e.message ? e.message : e}\n`);
      process.exitCode = 2;
    },
  );
