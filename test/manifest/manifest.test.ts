/**
 * Offline lint of manifest.xml: Microsoft's validator is an online service, so this checks the
 * invariants that actually break sideloading or Office 2019 (shared notes §1).
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = join(__dirname, "../..");
const XML = readFileSync(join(ROOT, "manifest.xml"), "utf8");

interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

type Raw = Record<string, unknown>;

function convert(list: Raw[]): Node[] {
  const out: Node[] = [];
  for (const item of list) {
    const tag = Object.keys(item).find((k) => k !== ":@");
    if (!tag || tag === "#text" || tag === "#comment" || tag.startsWith("?")) continue;
    const kids = (item[tag] as Raw[]) ?? [];
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("")
      .trim();
    out.push({ tag, attrs: (item[":@"] as Record<string, string>) ?? {}, children: convert(kids), text });
  }
  return out;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  commentPropName: "#comment",
});
const root = convert(parser.parse(XML) as Raw[])[0];

function walk(n: Node, visit: (n: Node, parent: Node | null) => void, parent: Node | null = null): void {
  visit(n, parent);
  for (const c of n.children) walk(c, visit, n);
}

function all(pred: (n: Node, parent: Node | null) => boolean): { node: Node; parent: Node | null }[] {
  const found: { node: Node; parent: Node | null }[] = [];
  walk(root, (n, p) => {
    if (pred(n, p)) found.push({ node: n, parent: p });
  });
  return found;
}

const child = (n: Node, tag: string) => n.children.find((c) => c.tag === tag);

/** Resources by id: kind (Image/Url/ShortString/LongString), value, overrides. */
function resources(): Map<string, { kind: string; node: Node }> {
  const res = child(child(root, "VersionOverrides")!, "Resources")!;
  const map = new Map<string, { kind: string; node: Node }>();
  for (const group of res.children) {
    for (const item of group.children) {
      const id = item.attrs.id;
      if (map.has(id)) throw new Error(`duplicate resource id ${id}`);
      map.set(id, { kind: group.tag.replace(/^bt:/, "").replace(/s$/, ""), node: item });
    }
  }
  return map;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** https://localhost:3000/assets/icon-16.png → <repo>/assets/icon-16.png */
function localFile(url: string): string {
  return join(ROOT, new URL(url).pathname);
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(root.tag).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
  });

  it("has a GUID Id, a valid Version, zh-CN default locale, Workbook host and ReadWriteDocument", () => {
    expect(child(root, "Id")!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, "Version")!.text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(child(root, "DefaultLocale")!.text).toBe("zh-CN");
    expect(child(child(root, "Hosts")!, "Host")!.attrs.Name).toBe("Workbook");
    expect(child(root, "Permissions")!.text).toBe("ReadWriteDocument");
  });

  it("keeps the schema's element order at the top level", () => {
    const order = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    const seen = root.children.map((c) => order.indexOf(c.tag));
    expect(seen).not.toContain(-1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("defines every resid it uses, uses every resource it defines, and has unique ids", () => {
    const res = resources();
    const used = all((n) => n.attrs.resid !== undefined).map(({ node }) => node.attrs.resid);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(res.has(id) ? id : `undefined resid ${id}`).toBe(id);
    for (const id of res.keys()) expect(used.includes(id) ? id : `unused resource ${id}`).toBe(id);
    const controlIds = all((n) => ["Group", "Control"].includes(n.tag)).map(({ node }) => node.attrs.id);
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  it("respects Office's length limits", () => {
    const res = resources();
    for (const id of res.keys()) expect(id.length).toBeLessThanOrEqual(32);
    const values = (n: Node) => [n.attrs.DefaultValue, ...n.children.filter((c) => c.tag.endsWith("Override")).map((c) => c.attrs.Value)];
    for (const { kind, node } of res.values()) {
      if (kind === "ShortString") for (const v of values(node)) expect(v.length).toBeLessThanOrEqual(125);
      if (kind === "LongString") for (const v of values(node)) expect(v.length).toBeLessThanOrEqual(250);
      if (kind === "Url" || kind === "Image") for (const v of values(node)) expect(v.length).toBeLessThanOrEqual(2048);
    }
    for (const v of values(child(root, "DisplayName")!)) expect(v.length).toBeLessThanOrEqual(125);
    for (const v of values(child(root, "Description")!)) expect(v.length).toBeLessThanOrEqual(250);
  });

  it("speaks English where Office runs in English: every display string has an en-US override", () => {
    const strings = [
      child(root, "DisplayName")!,
      child(root, "Description")!,
      ...[...resources().values()].filter((r) => r.kind.endsWith("String")).map((r) => r.node),
    ];
    for (const s of strings) {
      const en = s.children.find((c) => c.tag.endsWith("Override") && c.attrs.Locale === "en-US");
      expect(en?.attrs.Value ? "ok" : `no en-US override on ${s.attrs.id ?? s.tag}`).toBe("ok");
    }
  });

  it("serves everything over https from one origin", () => {
    const urls: string[] = [];
    walk(root, (n) => {
      // xmlns values are schema names, not addresses Office fetches.
      const attrs = Object.entries(n.attrs).filter(([k]) => !k.startsWith("xmlns"));
      for (const v of [...attrs.map(([, v]) => v), n.text]) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) urls.push(v);
    });
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(new URL(u).protocol).toBe("https:");
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set(["https://localhost:3000"]));
  });

  it("asks for no more than ExcelApi 1.7, so Office 2019 loads it; SharedRuntime is not a requirement", () => {
    const sets = all((n) => n.tag === "Set");
    expect(sets.length).toBeGreaterThan(0);
    for (const { node } of sets) {
      expect(node.attrs.Name).not.toBe("SharedRuntime");
      if (node.attrs.Name === "ExcelApi") {
        const [major, minor] = node.attrs.MinVersion.split(".").map(Number);
        expect(major === 1 && minor <= 7).toBe(true);
      }
    }
  });

  it("uses the pane page as shared runtime and function file, with <Runtimes> first in <Host>", () => {
    const host = all((n, p) => n.tag === "Host" && p?.tag === "Hosts" && n.attrs["xsi:type"] === "Workbook")[0].node;
    expect(host.children[0].tag).toBe("Runtimes");
    const runtime = child(host.children[0], "Runtime")!;
    expect(runtime.attrs).toMatchObject({ resid: "Taskpane.Url", lifetime: "long" });
    const dff = child(host, "DesktopFormFactor")!;
    expect(dff.children.map((c) => c.tag)).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expect(child(dff, "FunctionFile")!.attrs.resid).toBe("Taskpane.Url");
  });

  it("puts a 绩效表助手 group with 一键校验 (ExecuteFunction) and 打开助手 (ShowTaskpane) on the Home tab", () => {
    const res = resources();
    const label = (n: Node) => res.get(child(n, "Label")!.attrs.resid)!.node.attrs.DefaultValue;
    const tab = all((n) => n.tag === "OfficeTab")[0].node;
    expect(tab.attrs.id).toBe("TabHome");
    const group = child(tab, "Group")!;
    expect(label(group)).toBe("绩效表助手");
    const controls = group.children.filter((c) => c.tag === "Control");
    expect(controls.map((c) => [label(c), child(c, "Action")!.attrs["xsi:type"]])).toEqual([
      ["一键校验", "ExecuteFunction"],
      ["打开助手", "ShowTaskpane"],
    ]);
    expect(child(child(controls[0], "Action")!, "FunctionName")!.text).toBe("validateWorkbook");
  });

  it("registers every FunctionName in src/commands with Office.actions.associate", () => {
    const dir = join(ROOT, "src/commands");
    const registered = new Set<string>();
    for (const f of readdirSync(dir).filter((x) => /\.tsx?$/.test(x))) {
      const code = readFileSync(join(dir, f), "utf8");
      for (const m of code.matchAll(/Office\.actions\.associate\(\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z_$][\w$]*))/g)) {
        if (m[1] ?? m[2]) registered.add((m[1] ?? m[2])!);
        else {
          const def = new RegExp(`const\\s+${m[3]}\\s*=\\s*["']([^"']+)["']`).exec(code);
          if (def) registered.add(def[1]);
        }
      }
    }
    const names = all((n) => n.tag === "FunctionName").map(({ node }) => node.text);
    expect(names).toEqual(["validateWorkbook"]);
    for (const n of names) expect(registered.has(n) ? n : `${n} is not associated in src/commands`).toBe(n);
  });

  it("points at icon files that exist with the declared pixel sizes", () => {
    const res = resources();
    const checks: [string, number][] = [
      [child(root, "IconUrl")!.attrs.DefaultValue, 32],
      [child(root, "HighResolutionIconUrl")!.attrs.DefaultValue, 64],
    ];
    for (const { node } of all((n, p) => n.tag === "bt:Image" && p?.tag === "Icon"))
      checks.push([res.get(node.attrs.resid)!.node.attrs.DefaultValue, Number(node.attrs.size)]);
    for (const [url, size] of checks) {
      const file = localFile(url);
      expect(existsSync(file) ? "exists" : `missing ${file}`).toBe("exists");
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(join(ROOT, `assets/icon-${size}.png`))).toEqual({ width: size, height: size });
  });
});
