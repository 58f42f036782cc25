/**
 * The one decision on a copy the package patcher cannot make (src/hosts/file/loss.ts, issue #25):
 * `fix`, `add` and `check --annotate` refuse the exceljs rewrite (exit 2, nothing written, its cause
 * and what it loses named, Chinese first) unless --allow-loss, which writes it and still names the loss.
 *
 * The inputs are the example form with what makes the patcher refuse, in the shapes Excel writes:
 * - fix: an array formula spanning F24:F25 (`<f t="array" ref="F24:F25">` on its top-left cell only,
 *   ECMA-376 Part 1 §18.3.1.40), so the fix of F25 would change part of an array — Excel refuses that
 *   too ("You can't change part of an array");
 * - annotate: a stylesheet whose `<cellXfs>` is empty, no cell naming a format (nothing to copy a
 *   fill onto; a stylesheet without the element is refused by exceljs too: that file is unreadable);
 * and a chart part (xl/charts/chart1.xml), which a rewrite does not keep.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { run } from "./capture";
import { ROOT } from "../helpers/xlsx";
import { withArray, withChart, withRevisionLog, withoutCellFormats } from "../helpers/lossyForms";

const tmp = () => mkdtempSync(join(tmpdir(), "budget-form-loss-"));

async function variant(dir: string, name: string, change: (zip: JSZip) => Promise<void>, chart = true): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(join(ROOT, "examples/seed-form.xlsx")));
  await change(zip);
  if (chart) withChart(zip);
  const path = join(dir, name);
  writeFileSync(path, await zip.generateAsync({ type: "uint8array" }));
  return path;
}

describe("fix", () => {
  test("refused by default: exit 2, no file, the cause and the chart named, Chinese first", async () => {
    const dir = tmp();
    const input = await variant(dir, "表.xlsx", withArray);
    const out = join(dir, "改.xlsx");
    const r = await run(["fix", input, "--out", out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.err).toContain("无法按原文件包修补:要修改的单元格 F25 位于数组公式或模拟运算表 F24:F25 之内");
    expect(r.err).toContain("工作簿包含 1 个图表,写出的副本中将不保留图表");
    expect(r.err).toContain("未写出任何文件。如确实接受上述丢失,请加 --allow-loss 重新运行");
    const en = await run(["fix", input, "--out", out, "--lang", "en"]);
    expect([en.code, existsSync(out)]).toEqual([2, false]);
    expect(en.err).toContain("cannot be patched in place: cell F25 lies inside the array formula or data table F24:F25");
    expect(en.err).toContain("To accept that loss, run again with --allow-loss");
  });

  test("--allow-loss writes the rewritten copy, still naming the loss", async () => {
    const dir = tmp();
    const input = await variant(dir, "表.xlsx", withArray);
    const out = join(dir, "改.xlsx");
    const r = await run(["fix", input, "--out", out, "--allow-loss"]);
    expect([0, 1]).toContain(r.code);
    expect(existsSync(out)).toBe(true);
    expect(r.err).toContain("工作簿包含 1 个图表,写出的副本中将不保留图表");
    expect(r.err).not.toContain("未写出任何文件");
    expect(r.out).toContain("改.xlsx");
  });

  test("a rewrite that names no loss still waits for the option: it says what a rewrite keeps for certain", async () => {
    const dir = tmp();
    const input = await variant(dir, "表.xlsx", withArray, false);
    const out = join(dir, "改.xlsx");
    const r = await run(["fix", input, "--out", out]);
    expect([r.code, existsSync(out)]).toEqual([2, false]);
    expect(r.err).toContain("无法按原文件包修补:要修改的单元格 F25 位于数组公式或模拟运算表 F24:F25 之内");
    expect(r.err).toContain("只能重写整个文件");
    expect(r.err).toContain("重写的副本只保证保留值、公式、合并");
    expect(r.err).toContain("请加 --allow-loss 重新运行");
    const allowed = await run(["fix", input, "--out", out, "--allow-loss"]);
    expect([0, 1]).toContain(allowed.code);
    expect(existsSync(out)).toBe(true);
  });

  test("--help names the option in both languages", async () => {
    expect((await run(["fix", "--help"])).out).toContain("--allow-loss         无法按原文件包修补");
    expect((await run(["fix", "--help", "--lang", "en"])).out).toContain("--allow-loss         write the copy even when");
    expect((await run(["add", "--help"])).out).toContain("--allow-loss");
    expect((await run(["check", "--help", "--lang", "en"])).out).toContain("--allow-loss         write an annotated copy");
  });
});

describe("check --annotate", () => {
  test("refused by default for that file (exit 2, no copy), written with --allow-loss", async () => {
    const dir = tmp();
    const input = await variant(dir, "表.xlsx", withoutCellFormats);
    const r = await run(["check", input, "--annotate", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(readdirSync(join(dir, "out"))).toEqual([]);
    expect(r.err).toContain("无法按原文件包修补");
    expect(r.err).toContain("工作簿包含 1 个图表");
    expect(r.err).toContain("--allow-loss");
    // The findings are still reported: only the copy was refused.
    expect(r.out).toContain("表.xlsx");

    const allowed = await run(["check", input, "--annotate", join(dir, "out"), "--allow-loss"]);
    expect(readdirSync(join(dir, "out"))).toEqual(["表.xlsx"]);
    expect(allowed.err).toContain("工作簿包含 1 个图表");
    expect(allowed.code).not.toBe(2);
  });
});

describe("a shared workbook with a revision log", () => {
  /** The parts the package holds under xl/revisions/ (the log, its headers, the user list). */
  const revisionParts = async (path: string) =>
    Object.keys((await JSZip.loadAsync(readFileSync(path))).files).filter((n) => n.startsWith("xl/revisions/") && !n.endsWith("/"));

  test("add: the insertion is refused, and the rewrite's loss of the log and of sharing is named; --allow-loss writes it without them", async () => {
    const dir = tmp();
    const zip = await JSZip.loadAsync(readFileSync(join(ROOT, "examples/corrected-form.xlsx")));
    await withRevisionLog(zip);
    const input = join(dir, "共享.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "uint8array" }));
    expect(await revisionParts(input)).toHaveLength(4);
    const out = join(dir, "加.xlsx");
    const args = ["add", input, "--template", "satisfaction.public", "--out", out];
    const r = await run(args);
    expect([r.code, existsSync(out)]).toEqual([2, false]);
    expect(r.err).toContain("无法按原文件包修补:这是带修订记录的共享工作簿");
    expect(r.err).toContain("改用重写时会丢失以下内容");
    expect(r.err).toContain("这是带修订记录的共享工作簿,写出的副本中将不保留修订记录(修订历史)和共享用户列表,副本不再是共享工作簿");
    // Named, the loss replaces the note that only some settings may change.
    expect(r.err).not.toContain("其余设置可能改变");
    const en = await run([...args, "--lang", "en"]);
    expect(en.err).toContain(
      "a written copy keeps neither the log (the change history) nor the list of sharing users, and is no longer shared",
    );

    const allowed = await run([...args, "--allow-loss"]);
    expect(allowed.code).toBe(0);
    expect(allowed.err).toContain("写出的副本中将不保留修订记录");
    // What was named is what went: the rewrite holds no revision part.
    expect(await revisionParts(out)).toEqual([]);
  });

  test("fix: value edits are refused too (Excel logs each change of a cell's contents), the same loss named", async () => {
    const dir = tmp();
    const input = await variant(dir, "共享.xlsx", withRevisionLog, false);
    const out = join(dir, "改.xlsx");
    const r = await run(["fix", input, "--out", out]);
    expect([r.code, existsSync(out)]).toEqual([2, false]);
    expect(r.err).toContain("无法按原文件包修补:这是带修订记录的共享工作簿:Excel 把对单元格内容的每次修改都记为一条修订");
    expect(r.err).toContain("写出的副本中将不保留修订记录(修订历史)和共享用户列表");
    const en = await run(["fix", input, "--out", out, "--lang", "en"]);
    expect(en.err).toContain("Excel records every change to a cell's contents as a revision");
    const allowed = await run(["fix", input, "--out", out, "--allow-loss"]);
    expect([0, 1]).toContain(allowed.code);
    expect(await revisionParts(out)).toEqual([]);
    // Without the log the same fixes are patched in, keeping every other part.
    const plain = await variant(dir, "表.xlsx", async () => {}, false);
    const patched = await run(["fix", plain, "--out", join(dir, "表改.xlsx")]);
    expect([0, 1]).toContain(patched.code);
    expect(patched.err).not.toContain("无法按原文件包修补");
  });

  test("check --annotate: marks change no cell's contents, so the copy is patched and keeps the log byte for byte", async () => {
    const dir = tmp();
    const input = await variant(dir, "共享.xlsx", withRevisionLog, false);
    const r = await run(["check", input, "--annotate", join(dir, "out")]);
    expect(r.code).not.toBe(2);
    expect(r.err).not.toContain("无法按原文件包修补");
    const before = await JSZip.loadAsync(readFileSync(input));
    const after = await JSZip.loadAsync(readFileSync(join(dir, "out", "共享.xlsx")));
    const parts = await revisionParts(input);
    expect(parts).toHaveLength(4);
    for (const p of parts) expect(await after.file(p)!.async("string")).toBe(await before.file(p)!.async("string"));
    // The copy carries the marks: it is not the input unchanged.
    expect(await after.file("xl/styles.xml")!.async("string")).not.toBe(await before.file("xl/styles.xml")!.async("string"));
  });
});
