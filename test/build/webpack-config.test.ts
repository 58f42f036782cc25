/** The webpack config's promises that no build is needed to check: entries, pages, manifest rewriting. */
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(ROOT, "webpack.config.js")) as (
  env: unknown,
  argv: { mode: string },
) => {
  entry: Record<string, string>;
  plugins: {
    constructor: { name: string };
    userOptions?: Record<string, unknown>;
    patterns?: { from: string; transform?: (c: Buffer) => string }[];
  }[];
};

function manifestTransform(url: string | undefined): ((c: Buffer) => string) | undefined {
  const saved = process.env.ADDIN_URL;
  if (url === undefined) delete process.env.ADDIN_URL;
  else process.env.ADDIN_URL = url;
  try {
    const cfg = makeConfig({}, { mode: "production" });
    const copy = cfg.plugins.find((p) => p.constructor.name === "CopyPlugin")!;
    return copy.patterns!.find((p) => p.from.startsWith("manifest"))!.transform;
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
}

test("two entries: the pane and the preview, each with its page; only the pane loads office.js", () => {
  const cfg = makeConfig({}, { mode: "production" });
  expect(Object.keys(cfg.entry).sort()).toEqual(["preview", "taskpane"]);
  const pages = cfg.plugins
    .filter((p) => p.constructor.name === "HtmlWebpackPlugin")
    .map((p) => [p.userOptions!.filename, p.userOptions!.office]);
  expect(pages).toEqual([
    ["taskpane.html", true],
    ["preview.html", false],
  ]);
  const template = readFileSync(join(ROOT, "src/taskpane/taskpane.html"), "utf8");
  expect(template).toContain('<html lang="zh-CN">');
  expect(template).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
});

test("ADDIN_URL rewrites every https://localhost:3000/ in the manifest, with or without a trailing slash", () => {
  const manifest = Buffer.from(
    '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/><bt:Image DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
  );
  expect(manifestTransform(undefined)).toBeUndefined();
  for (const url of ["https://addin.example.gov.cn/budget", "https://addin.example.gov.cn/budget/"]) {
    const out = manifestTransform(url)!(manifest);
    expect(out).not.toContain("localhost");
    expect(out).toContain('"https://addin.example.gov.cn/budget/taskpane.html"');
    expect(out).toContain('"https://addin.example.gov.cn/budget/assets/icon-16.png"');
  }
});
