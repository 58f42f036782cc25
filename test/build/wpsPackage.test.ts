/**
 * The packed WPS add-in for the oem.ini / jsplugins.xml route (issue #22, webpack.wps.config.js): the
 * archive dist/wps/budget-form_<version>.7z holds exactly the built add-in folder as its one top-level
 * entry, listed with the same 7za that made it (7zip-bin's), and jsplugins.xml points at that archive.
 * Reads dist/, so it needs a build (npm test builds first).
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "fs";
import { join, relative, sep } from "path";
import { XMLParser } from "fast-xml-parser";

const ROOT = join(__dirname, "../..");
const DIST = join(ROOT, "dist/wps");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require(join(ROOT, "package.json")) as { version: string };
const FOLDER = `budget-form_${version}`;
const ARCHIVE = join(DIST, `${FOLDER}.7z`);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { path7za } = require("7zip-bin") as { path7za: string };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/**
 * `7za l -slt -ba`: one block of "Key = value" lines per entry; a 7z archive marks a folder by its
 * Attributes starting with D (other formats by "Folder = +").
 */
function listing(archive: string): { path: string; folder: boolean; size: number }[] {
  const out = execFileSync(path7za, ["l", "-slt", "-ba", archive], { encoding: "utf8" });
  return out
    .split(/\r?\n\r?\n/)
    .map((block) => {
      const e: Record<string, string> = {};
      for (const line of block.split(/\r?\n/)) {
        const m = /^([^=]+?) = (.*)$/.exec(line);
        if (m) e[m[1]] = m[2];
      }
      return e;
    })
    .filter((e) => e.Path)
    .map((e) => ({
      path: e.Path.split(/[\\/]/).join("/"),
      folder: e.Folder === "+" || /^D/.test(e.Attributes ?? ""),
      size: Number(e.Size),
    }));
}

const built = existsSync(join(DIST, FOLDER, "ribbon.xml"));

test("dist/wps has its packed add-in", () => {
  if (!built) throw new Error("dist/wps is missing: run npm run build first");
  expect(existsSync(ARCHIVE)).toBe(true);
});

(built ? describe : describe.skip)("the packed add-in", () => {
  test("the .7z lists every file of the built folder, under the folder as its one top-level entry, at the same sizes", () => {
    const want = files(join(DIST, FOLDER))
      .map((f) => ({ path: relative(DIST, f).split(sep).join("/"), size: statSync(f).size }))
      .sort((a, b) => a.path.localeCompare(b.path));
    const entries = listing(ARCHIVE);
    const got = entries
      .filter((e) => !e.folder)
      .map(({ path, size }) => ({ path, size }))
      .sort((a, b) => a.path.localeCompare(b.path));
    expect(want.map((w) => w.path)).toEqual(
      expect.arrayContaining([`${FOLDER}/ribbon.xml`, `${FOLDER}/index.html`, `${FOLDER}/taskpane.html`]),
    );
    expect(got).toEqual(want);
    expect(new Set(entries.map((e) => e.path.split("/")[0]))).toEqual(new Set([FOLDER]));
  });

  test("the archive is a 7z that 7za can test whole", () => {
    expect(readFileSync(ARCHIVE).subarray(0, 6)).toEqual(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]));
    expect(execFileSync(path7za, ["t", ARCHIVE], { encoding: "utf8" })).toMatch(/Everything is Ok/);
  });

  test("jsplugins.xml registers the archive for WPS 表格", () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
      readFileSync(join(DIST, "jsplugins.xml"), "utf8"),
    );
    const p = xml.jsplugins.jsplugin as Record<string, string>;
    expect(p).toMatchObject({ name: "budget-form", type: "et", version, enable: "true" });
    expect(p.url.endsWith(`${FOLDER}.7z`)).toBe(true);
    // Without WPS_ADDIN_BASE_URL at build time the url is the archive's name, beside jsplugins.xml.
    if (!process.env.WPS_ADDIN_BASE_URL) expect(existsSync(join(DIST, p.url))).toBe(true);
  });
});
