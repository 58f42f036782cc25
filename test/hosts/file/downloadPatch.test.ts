/**
 * The preview's download after value edits is the opened package with only those cells rewritten
 * (issue #25): the chart, notes, x14 rules and everything else keep their bytes, so none of the
 * "a copy will lose …" warnings is shown. An inserted indicator row is patched in too (patchRows.ts).
 * So are a report sheet and saved state (patchSheets.ts); only a package the patcher refuses goes
 * back through exceljs, with its warnings.
 */
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { withChart, withoutCellFormats } from "../../helpers/lossyForms";
import { checkWorkbook } from "../../../src/core/engine";
import { isSafePlan } from "../../../src/core/plan/editPlan";
import { FileHost } from "../../../src/hosts/file/fileHost";
import { LossRefused } from "../../../src/hosts/file/loss";
import { DEFAULT_SETTINGS } from "../../../src/hosts/host";
import { FEATURES, fidelityWorkbook } from "../../../scripts/build-fidelity";
import { readRawXlsx } from "../../helpers/rawXlsx";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../../../src/core/templates/insert";

const features = FEATURES.filter((f) => f !== "protection");

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("string"));
  return out;
}

/** Applies every safe fix through the host, as the pane's fix-all does, re-checking after each. */
async function fixAll(host: FileHost): Promise<number> {
  let n = 0;
  for (let i = 0; i < 10; i++) {
    const check = checkWorkbook((await host.read()).snapshot);
    const next = check.findings.find((f) => f.fix && isSafePlan(f.fix));
    if (!next) break;
    expect(await host.apply(next.fix!)).toEqual({ ok: true });
    n++;
  }
  return n;
}

test("unchanged, the download is the opened file itself", async () => {
  const input = await fidelityWorkbook(features);
  const host = await FileHost.fromData(input, "all.xlsx");
  expect(host.keepsEverything).toBe(true);
  expect(Buffer.from(await host.toBuffer()).equals(Buffer.from(input))).toBe(true);
});

test("after fixes, the download changes only the fixed cells and what depends on them; the warnings are not due", async () => {
  const input = await fidelityWorkbook(features);
  const host = await FileHost.fromData(input, "all.xlsx");
  // The package has a chart: the exceljs path would warn that a copy drops it.
  expect(host.warnings.map((w) => w.kind)).toContain("charts");
  expect(await fixAll(host)).toBe(3);
  expect(host.keepsEverything).toBe(true);
  const out = await host.toBuffer();
  const a = await parts(input);
  const b = await parts(out);
  const changed = [...a.keys()].filter((n) => a.get(n) !== b.get(n)).sort();
  expect(changed).toEqual(["xl/sharedStrings.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
  expect(b.get("xl/workbook.xml")).toContain('fullCalcOnLoad="1"'); // the LEN helper cannot be computed here
  const form = (await readRawXlsx(out))[0];
  expect([form.cells.get("7,3"), form.cells.get("8,3"), form.cells.get("21,4")]).toEqual([326.6, 40.64, "≥2次"]);
});

test("saved state is patched in too; only a package the sheet patcher refuses goes through exceljs again, once the user accepts the loss", async () => {
  const input = await fidelityWorkbook(["chart"]);
  const host = await FileHost.fromData(input, "chart.xlsx");
  await host.saveState({ ignored: [], settings: { ...DEFAULT_SETTINGS } });
  expect(host.keepsEverything).toBe(true);
  const b = await parts(await host.toBuffer());
  const a = await parts(input);
  // The state sheet is added (patchSheets.ts, proved in patchSheets.test.ts); the chart keeps its bytes.
  expect([...b.keys()].filter((n) => /worksheets\/sheet\d+\.xml$/.test(n)).length).toBe(2);
  expect(b.get("xl/charts/chart1.xml")).toBe(a.get("xl/charts/chart1.xml"));

  // A sheet outside what the sheet writer handles (a border on the report's title, set in the model
  // as another writer could): an exceljs copy would drop the chart, so the download is refused
  // (loss.ts) naming it, until the user accepts the loss; then exceljs writes it without the chart.
  const odd = await FileHost.fromData(input, "odd.xlsx");
  await odd.writeReport([], "zh");
  odd.excelWorkbook.getWorksheet("校验报告")!.getCell("A1").border = { top: { style: "thin" } };
  const refused = await odd.toBuffer().catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(LossRefused);
  expect((refused as LossRefused).loss.lost.map((m) => m.zh).join("")).toContain("图表");
  const c = await parts(await odd.toBuffer({ allowLoss: true }));
  expect(odd.warnings.map((w) => w.kind)).toContain("charts");
  expect(c.has("xl/charts/chart1.xml")).toBe(false);
  expect([...c.values()].some((x) => x.includes("校验报告"))).toBe(true);
});

test("a marked download patches fills and notes onto the edited package; the user's notes and every other part are kept", async () => {
  const input = await fidelityWorkbook(features);
  const host = await FileHost.fromData(input, "all.xlsx");
  await fixAll(host);
  const check = checkWorkbook((await host.read()).snapshot);
  await host.mark(check.findings);
  expect(host.keepsEverything).toBe(true);
  const out = await host.toBuffer({ annotate: "zh" });
  const a = await parts(input);
  const b = await parts(out);
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  const changed = [...a.keys()].filter((n) => a.get(n) !== b.get(n)).sort();
  for (const n of changed)
    expect([
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]).toContain(n);
  const notes = b.get("xl/comments1.xml")!;
  expect(notes).toContain("<author>张三</author><author>李四</author><author>绩效表助手</author>");
  expect(notes).toContain("空单元格上的批注");
  // The fixed values are in the marked copy too.
  const form = (await readRawXlsx(out))[0];
  expect([form.cells.get("7,3"), form.cells.get("8,3")]).toEqual([326.6, 40.64]);
  // Findings left after the fixes are noted on their cells.
  for (const f of check.findings.filter((x) => x.cells[0]?.sheet === "申报表"))
    expect(notes).toMatch(new RegExp(`<comment ref="[A-Z]+\\d+"[^>]*><text>[\\s\\S]*?${f.rule.replace(/[/.]/g, "\\$&")}`));
});

test("after an indicator is inserted, the download is the opened package with the row patched in: chart, notes and rules kept and moved", async () => {
  const input = await fidelityWorkbook(features);
  const host = await FileHost.fromData(input, "all.xlsx");
  const form = checkWorkbook((await host.read()).snapshot).recognitions.flatMap((r) => r.forms)[0];
  const plan = planInsertion(form.model, form.grid, findTemplate("quantity.key-tasks-completion")!);
  if (isInsertError(plan)) throw new Error(plan.error.en);
  expect(await host.apply(plan)).toEqual({ ok: true });
  expect(host.keepsEverything).toBe(true);
  const out = await host.toBuffer();
  const a = await parts(input);
  const b = await parts(out);
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  // The new row 28 moved what was below it: the note on G40, the chart's bottom edge, the list validation.
  expect(b.get("xl/comments1.xml")).toContain('<comment ref="G41"');
  expect(b.get("xl/drawings/drawing1.xml")).toContain("<xdr:row>36</xdr:row>");
  expect(b.get("xl/worksheets/sheet1.xml")).toContain("<xm:sqref>F21:F39</xm:sqref>");
  for (const n of ["xl/tables/table1.xml", "xl/theme/theme1.xml"]) expect(b.get(n)).toBe(a.get(n));
  const sheet = (await readRawXlsx(out))[0];
  expect(sheet.cells.get("27,3")).toBe("年度重点工作任务完成率(%)");
});

test("marks the patcher cannot add are rewritten only once the user accepts what that loses, as the CLI's --allow-loss", async () => {
  // No cell formats to put a fill on (test/helpers/lossyForms.ts) and a chart, which a rewrite drops.
  const zip = await JSZip.loadAsync(readFileSync(join(__dirname, "../../../examples/seed-form.xlsx")));
  await withoutCellFormats(zip);
  withChart(zip);
  const host = await FileHost.fromData(await zip.generateAsync({ type: "uint8array" }), "form.xlsx");
  await host.mark(checkWorkbook((await host.read()).snapshot).findings);
  const refused = await host.toBuffer({ annotate: "zh" }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(LossRefused);
  expect((refused as LossRefused).loss.lost.map((m) => m.zh).join("")).toContain("图表");
  // Without marks nothing needs rewriting: the opened file itself.
  expect((await parts(await host.toBuffer())).has("xl/charts/chart1.xml")).toBe(true);
  const accepted = await parts(await host.toBuffer({ annotate: "zh", allowLoss: true }));
  expect(accepted.has("xl/charts/chart1.xml")).toBe(false);
  expect([...accepted.keys()].some((n) => /comments\d*\.xml$/.test(n))).toBe(true);
});
