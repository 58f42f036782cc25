/** The one ribbon check (src/app/ribbon.ts) that Excel's command and WPS's pane both run. */
import { ribbonCheck } from "../../src/app/ribbon";
import { validate } from "../../src/app/validate";
import { ignoreKey } from "../../src/core/identity";
import { DEFAULT_SETTINGS } from "../../src/hosts/host";
import { FakeHost } from "../ui/fakeHost";
import { seedSheet, workbook } from "../helpers/forms";

class DocHost extends FakeHost {
  doc: string | null = "excel:甲.xlsx";
  failRead: Error | null = null;
  documentId(): string | null {
    return this.doc;
  }
  override async read() {
    if (this.failRead) throw this.failRead;
    return super.read();
  }
}

describe("ribbonCheck", () => {
  test("checks with the workbook's own settings and ignored list, marks, and stamps the outcome with the document", async () => {
    const plain = await validate(new FakeHost(workbook(seedSheet())), { mark: false });
    const first = plain.findings[0];
    const off = plain.findings.find((f) => f.rule !== first.rule)!.rule;
    const host = new DocHost(workbook(seedSheet()), {
      ignored: [ignoreKey(first)],
      settings: { ...DEFAULT_SETTINGS, config: { rules: { [off]: "off" } } },
    });

    const r = await ribbonCheck(host);

    expect(r.result).toBeDefined();
    const found = r.result!.findings;
    expect(found.some((f) => f.rule === off)).toBe(false);
    expect(found.map(ignoreKey)).not.toContain(ignoreKey(first));
    expect(host.calls.mark).toHaveLength(1);
    expect(host.calls.mark[0]).toEqual(found);
    expect(r.outcome).toMatchObject({ doc: "excel:甲.xlsx", summary: r.result!.summary, ignored: r.result!.ignored });
    expect(r.showPane).toBe(r.result!.summary.error > 0);
  });

  test("a failed read becomes an outcome saying why, with the pane shown; it never throws", async () => {
    const host = new DocHost(workbook(seedSheet()));
    host.failRead = new Error("文件已损坏");
    const r = await ribbonCheck(host);
    expect(r.result).toBeUndefined();
    expect(r.showPane).toBe(true);
    expect(r.outcome?.doc).toBe("excel:甲.xlsx");
    expect(r.outcome?.error?.zh).toContain("文件已损坏");
    expect(host.calls.mark).toHaveLength(0);
  });

  test("a host that cannot name its document publishes nothing another document could hear", async () => {
    const host = new DocHost(workbook(seedSheet()));
    host.doc = null;
    const r = await ribbonCheck(host);
    expect(r.outcome).toBeNull();
    expect(r.result).toBeDefined();
  });
});
