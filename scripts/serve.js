#!/usr/bin/env node
/**
 * A tiny static file server for dist/ (no dependencies): loopback only, GET/HEAD only, no directory
 * listings, nothing outside the root. Serves https when given a certificate (Office needs https to
 * sideload), plain http otherwise (the browser preview and the headless tests).
 *
 *   node scripts/serve.js [--root dist] [--port 3000] [--host 127.0.0.1]
 */
"use strict";
const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Maps a request path to a file under root, or null when it would escape the root. */
function resolvePath(root, urlPath, index) {
  let p;
  try {
    p = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (p.includes("\0")) return null;
  if (p === "/" || p === "") p = `/${index}`;
  const file = path.resolve(root, `.${path.posix.normalize(p)}`);
  const base = path.resolve(root);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

function handler(root, index) {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const file = resolvePath(root, req.url || "/", index);
    if (!file) {
      res.writeHead(400).end("bad path");
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": st.size,
        // Office caches add-in pages aggressively; during development always revalidate.
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  };
}

/**
 * Starts serving. port 0 picks a free port. Resolves with the server and its base URL.
 * @param {{root?: string, port?: number, host?: string, index?: string, tls?: {key: Buffer, cert: Buffer} | null}} [opts]
 */
function serve(opts = {}) {
  const root = opts.root || path.join(__dirname, "..", "dist");
  const host = opts.host || "127.0.0.1";
  const port = opts.port === undefined ? 3000 : opts.port;
  const index = opts.index || "preview.html";
  const h = handler(root, index);
  const server = opts.tls ? https.createServer(opts.tls, h) : http.createServer(h);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const addr = server.address();
      const shown = host === "127.0.0.1" ? "localhost" : host;
      resolve({ server, url: `${opts.tls ? "https" : "http"}://${shown}:${addr.port}/` });
    });
  });
}

function argValue(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

module.exports = { serve, resolvePath };

if (require.main === module) {
  const root = path.resolve(argValue("root", path.join(__dirname, "..", "dist")));
  const port = Number(argValue("port", process.env.PORT || 3000));
  serve({ root, port, host: argValue("host", "127.0.0.1") }).then(
    ({ url }) => console.log(`Serving ${root} at ${url}`),
    (e) => {
      console.error(`无法启动服务器:${e.message}`);
      process.exit(1);
    },
  );
}
