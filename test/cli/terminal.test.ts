/**
 * The terminal: the verdict table fits the width it is given (80 when stdout is not a terminal),
 * cut with 「…」 and never wrapped; --format table prints it alone; verdicts are coloured only for
 * a terminal without NO_COLOR; a mistyped template id gets a suggestion; the summary names a rule
 * that fires in several places once, with its count.
 */
import { copyFileSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { CliIO } from "../../src/cli/io";
import { FormEntry, entriesFor } from "../../src/cli/report";
import { topProblems } from "../../src/cli/summary";
import { displayWidth, formatTable, tableWidth, truncate, wantsColour } from "../../src/cli/table";
import { checkWorkbook } from "../../src/core/engine";
import { ROOT, examplePath, readExample } from "../helpers/xlsx";

// eslint-disable-next-line no-control-regex -- the escape is what is matched
const SGR = /\x1b\[[0-9;]*m/g;

async function run(argv: string[], io: Partial<CliIO> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    isTTY: false,
    cwd: ROOT,
    ...io,
  });
  return { code, out, err };
}

/** A folder whose file and department names are far wider than 80 columns allow. */
function longNames(): string {
  const dir = mkdtempSync(join(tmpdir(), "budget-form-terminal-"));
  copyFileSync(examplePath("seed-form.xlsx"), join(dir, "广州市白云区科学技术协会2026年度部门整体预算绩效目标申报表(第二次修改稿).xlsx"));
  copyFileSync(examplePath("corrected-form.xlsx"), join(dir, "ok.xlsx"));
  return dir;
}

describe("formatTable with a width", () => {
  const rows = [
    ["文件", "部门", "结论", "错误"],
    ["一个非常非常长的文件名称用来测试截断效果.xlsx", "广州市白云区科学技术协会(部门)", "可以提交", "0"],
    ["b.xlsx", "-", "需修改", "12"],
  ];
  const align = ["left", "left", "left", "right"] as const;

  test.each([80, 60, 40])("every line fits %i columns; numbers and verdicts stay whole; cuts end in 「…」", (width) => {
    const lines = formatTable(rows, [...align], { width });
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(lines[1]).toContain("可以提交");
    expect(lines[2]).toMatch(/需修改\s+12$/);
    expect(lines[1]).toContain("…");
  });

  test("a table that already fits is the same as without a width", () => {
    expect(formatTable(rows.slice(0, 1).concat([rows[2]]), [...align], { width: 80 })).toEqual(formatTable([rows[0], rows[2]], [...align]));
  });

  test("truncate cuts at a character, counting Chinese as two columns", () => {
    expect(truncate("科协科协", 8)).toBe("科协科协");
    expect(truncate("科协科协", 7)).toBe("科协科…");
    expect(truncate("科协科协", 6)).toBe("科协…");
    expect(displayWidth(truncate("abc科协def", 6))).toBeLessThanOrEqual(6);
  });

  test("paint colours the padded cell, so the escapes never count towards a width", () => {
    const lines = formatTable(rows, [...align], { width: 60, paint: (t, r, c) => (r > 0 && c === 2 ? `<${t}>` : t) });
    expect(lines[1]).toMatch(/<可以提交\s*>/);
  });
});

describe("the width and colour of the terminal", () => {
  test("the terminal's columns when stdout is one, else 80", () => {
    expect(tableWidth({ isTTY: true, columns: 132 })).toBe(132);
    expect(tableWidth({ isTTY: false, columns: 132 })).toBe(80);
    expect(tableWidth({})).toBe(80);
  });

  test("colour only at a terminal, and never with NO_COLOR set (https://no-color.org)", () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
  });
});

describe("check", () => {
  test("the verdict table fits 80 columns when output is piped, without colour", async () => {
    const dir = longNames();
    const r = await run(["check", dir, "--format", "table"], { cwd: dir, terminal: { isTTY: false }, env: {} });
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split("\n");
    // --format table: the header and one line per form, nothing else.
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^文件\s+类型\s+部门\/项目\s+结论/);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(r.out).toContain("…");
    expect(r.out).not.toMatch(SGR);
  });

  test("at a narrow terminal the table takes its width, and verdicts are coloured unless NO_COLOR", async () => {
    const dir = longNames();
    const tty = { isTTY: true, columns: 64 };
    const coloured = await run(["check", dir, "--format", "table"], { cwd: dir, terminal: tty, env: {} });
    expect(coloured.out).toContain("\x1b[32m可以提交");
    expect(coloured.out).toContain("\x1b[31m需修改");
    for (const line of coloured.out.replace(SGR, "").trimEnd().split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(64);
    const plain = await run(["check", dir, "--format", "table"], { cwd: dir, terminal: tty, env: { NO_COLOR: "1" } });
    expect(plain.out).not.toMatch(SGR);
    expect(plain.out).toBe(coloured.out.replace(SGR, ""));
  });

  test("the text output ends with the same table; a finding on two cells says 「等 2 处」", async () => {
    const r = await run(["check", "examples/seed-form.xlsx"]);
    expect(r.out).toMatch(/申报表!E41 等 2 处 {2}indicators\/not-quantified/);
    const table = await run(["check", "examples/seed-form.xlsx", "--format", "table"]);
    expect(r.out).toContain(table.out);
  });

  test("an unknown --format names the three", async () => {
    const r = await run(["check", "examples/seed-form.xlsx", "--format", "tabel"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("text、table 或 json");
  });
});

describe("add: a mistyped template id", () => {
  test.each([
    ["satisfaction.service-recipent", "satisfaction.service-recipients"],
    ["service-recipients", "satisfaction.service-recipients"],
  ])("%s → did you mean %s", async (typo, near) => {
    const out = join(mkdtempSync(join(tmpdir(), "budget-form-add-")), "out.xlsx");
    const r = await run(["add", "examples/seed-form.xlsx", "--template", typo, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`您是不是要用「${near}」`);
  });

  test("an id like nothing gets the list hint, not a guess", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "budget-form-add-")), "out.xlsx");
    const r = await run(["add", "examples/seed-form.xlsx", "--template", "zzzz", "--out", out]);
    expect(r.err).toContain("budget-form templates");
    expect(r.err).not.toContain("您是不是要用");
  });
});

describe("the summary's 主要问题", () => {
  test("a rule that fires in several places is counted and named once: 「6 处模糊表述」", async () => {
    const result = checkWorkbook((await readExample("seed-form.xlsx")).snapshot);
    const entry = entriesFor("seed-form.xlsx", result, "申报表")[0] as FormEntry;
    const vague = entry.findings.filter((f) => f.rule === "indicators/vague-wording").length;
    expect(vague).toBeGreaterThan(1);
    const top = topProblems(entry, "zh", 10);
    expect(top).toContain(`警告:${vague} 处模糊表述`);
    expect(topProblems(entry, "en", 10)).toContain(`Warning: ${vague} vague targets`);
    // A rule that fires once is quoted.
    const once = entry.findings.filter((f) => f.rule === "indicators/not-quantified");
    expect(once).toHaveLength(1);
    expect(top).toContain(`错误:${once[0].message.zh}`);
  });
});
