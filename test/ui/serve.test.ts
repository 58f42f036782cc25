import { mkdtempSync, writeFileSync, mkdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { request } from "http";
import { resolvePath, serve } from "../../scripts/serve";

function get(url: string, method = "GET"): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("scripts/serve.js", () => {
  const root = mkdtempSync(join(tmpdir(), "serve-"));
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "preview.html"), "<p>preview</p>");
  writeFileSync(join(root, "assets", "a.js"), "1");

  test("never resolves outside the root", () => {
    expect(resolvePath(root, "/../etc/passwd", "preview.html")).toBe(join(root, "etc/passwd"));
    expect(resolvePath(root, "/%2e%2e/%2e%2e/secret", "preview.html")?.startsWith(root)).toBe(true);
    expect(resolvePath(root, "/a%00b", "preview.html")).toBeNull();
    expect(resolvePath(root, "/%E0%A4%A", "preview.html")).toBeNull();
    expect(resolvePath(root, "/", "preview.html")).toBe(join(root, "preview.html"));
  });

  test("serves files with their types on loopback, 404 otherwise, GET/HEAD only", async () => {
    const { server, url } = await serve({ root, port: 0 });
    try {
      expect(url).toMatch(/^http:\/\/localhost:\d+\/$/);
      expect(await get(url)).toMatchObject({ status: 200, type: "text/html; charset=utf-8", body: "<p>preview</p>" });
      expect(await get(`${url}assets/a.js`)).toMatchObject({ status: 200, type: "text/javascript; charset=utf-8" });
      expect((await get(`${url}assets`)).status).toBe(404);
      expect((await get(`${url}missing.js`)).status).toBe(404);
      expect((await get(url, "POST")).status).toBe(405);
      expect(server.address()).toMatchObject({ address: "127.0.0.1" });
    } finally {
      server.close();
    }
  });
});
