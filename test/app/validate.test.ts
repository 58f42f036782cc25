/** The one check flow (src/app/validate.ts) over the recording FakeHost: what it reads, filters, marks and returns. */
import { formatRef } from "../../src/core/a1";
import { validate } from "../../src/app/validate";
import { checkWorkbook } from "../../src/core/engine";
import { DEFAULT_SETTINGS, ignoreKey } from "../../src/hosts/host";
import { FakeHost } from "../ui/fakeHost";
import { seedSheet, workbook } from "../helpers/forms";

const seed = () => checkWorkbook(workbook(seedSheet()));

describe("validate()", () => {
  test("uses the workbook's saved ignore list and rule settings when none are passed", async () => {
    const all = seed().findings;
    const ignored = all.find((f) => f.severity === "error")!;
    const offRule = all.find((f) => f.severity === "info")!.rule;
    const host = new FakeHost(workbook(seedSheet()), {
      ignored: [ignoreKey(ignored)],
      settings: { ...DEFAULT_SETTINGS, config: { rules: { [offRule]: "off" } } },
    });
    const r = await validate(host);
    expect(r.findings.map(ignoreKey)).not.toContain(ignoreKey(ignored));
    expect(r.findings.some((f) => f.rule === offRule)).toBe(false);
    expect(r.ignored).toBe(1);
    expect(r.all.findings.map(ignoreKey)).toContain(ignoreKey(ignored));
    expect(r.summary.error).toBe(r.findings.filter((f) => f.severity === "error").length);
    // Only what is shown is marked, and the count is the host's own.
    expect(host.calls.mark).toEqual([r.findings]);
    expect(r.marked).toBe(new Set(r.findings.flatMap((f) => f.cells.map(formatRef))).size);
  });

  test("a passed config replaces the workbook's; includeIgnored keeps the ignored findings", async () => {
    const all = seed().findings;
    const offRule = all.find((f) => f.severity === "info")!.rule;
    const host = new FakeHost(workbook(seedSheet()), {
      ignored: all.map(ignoreKey),
      settings: { ...DEFAULT_SETTINGS, config: { rules: { [offRule]: "off" } } },
    });
    const r = await validate(host, { config: {}, includeIgnored: true, mark: false });
    expect(r.findings).toEqual(all);
    expect(r.ignored).toBe(0);
    expect([r.marked, host.calls.mark]).toEqual([0, []]);
  });

  test("returns the host's read and mark warnings, in that order", async () => {
    const host = new FakeHost(workbook(seedSheet()));
    host.readWarnings = [{ zh: "读", en: "read" }];
    host.markWarnings = [{ zh: "标", en: "mark" }];
    expect((await validate(host)).warnings.map((w) => w.en)).toEqual(["read", "mark"]);
  });

  test("a failed mark keeps the findings and says the colouring failed", async () => {
    const host = new FakeHost(workbook(seedSheet()));
    host.mark = async () => {
      throw new Error("请求的负载过大");
    };
    const r = await validate(host);
    expect(r.findings).toEqual(seed().findings);
    expect(r.marked).toBe(0);
    expect(r.warnings).toEqual([expect.objectContaining({ zh: expect.stringContaining("请求的负载过大") })]);
  });

  test("a failed read is the caller's to handle", async () => {
    const host = new FakeHost(workbook(seedSheet()));
    const boom = new Error("工作簿已损坏");
    host.read = async () => {
      throw boom;
    };
    await expect(validate(host)).rejects.toBe(boom);
    expect(host.calls.mark).toEqual([]);
  });
});
