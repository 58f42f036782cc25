/**
 * Safe files (issue #7): an input is byte-identical after every command whatever links lead to it,
 * an existing output is never replaced silently, and a failed write leaves no file and keeps the old
 * one. Links are real (symlink(2), link(2)); a full disk is simulated by injecting a write that fails
 * with ENOSPC after writing part of the file, the way write(2) reports it.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { WriteOps, sameFile, writeFileAtomic } from "../../src/cli/files";
import { examplePath } from "../helpers/xlsx";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const tmp = () => mkdtempSync(join(tmpdir(), "budget-form-safe-"));

async function run(argv: string[], cwd: string, writeOps?: WriteOps) {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    isTTY: false,
    cwd,
    writeOps,
  });
  return { code, out, err };
}

/** A form with one safe fix (D8 as text), so `fix` has something to write. */
async function flawedForm(dir: string): Promise<string> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(examplePath("corrected-form.xlsx")) as unknown as ArrayBuffer);
  wb.worksheets[0].getCell("D8").value = "326.60";
  const file = join(dir, "flawed.xlsx");
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

/** write(2) that stores part of the data, then fails as on a full disk. */
function fullDisk(): WriteOps {
  const ops: WriteOps = {
    openSync: fs.openSync,
    writeSync: (fd, d, o, l) => fs.writeSync(fd, d, o, l),
    fsyncSync: fs.fsyncSync,
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
    linkSync: fs.linkSync,
    unlinkSync: fs.unlinkSync,
  };
  let written = 0;
  ops.writeSync = (fd, data, offset, length) => {
    if (written > 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    written = fs.writeSync(fd, data, offset, Math.min(length, 1000));
    return written;
  };
  return ops;
}

describe("same file, whatever the path", () => {
  test("sameFile: hard link, symlink, symlinked folder are the input; a copy is not", () => {
    const dir = tmp();
    const input = join(dir, "in.xlsx");
    copyFileSync(examplePath("corrected-form.xlsx"), input);
    linkSync(input, join(dir, "hard.xlsx"));
    symlinkSync(input, join(dir, "soft.xlsx"));
    symlinkSync(dir, join(dir, "..", `${dir.split("/").pop()}-alias`));
    copyFileSync(input, join(dir, "copy.xlsx"));
    expect(sameFile(input, join(dir, "hard.xlsx"))).toBe(true);
    expect(sameFile(input, join(dir, "soft.xlsx"))).toBe(true);
    expect(sameFile(input, join(`${dir}-alias`, "in.xlsx"))).toBe(true);
    expect(sameFile(input, join(dir, "copy.xlsx"))).toBe(false);
    expect(sameFile(input, join(dir, "new.xlsx"))).toBe(false);
  });

  test.each(["add", "fix"])("%s --out a hard link or a symlink of the input is refused; the input is unchanged", async (cmd) => {
    const dir = tmp();
    const input = await flawedForm(dir);
    linkSync(input, join(dir, "hard.xlsx"));
    symlinkSync(dir, `${dir}-via`);
    const before = sha(input);
    const args = cmd === "add" ? ["--template", "satisfaction.public"] : [];
    for (const out of [join(dir, "hard.xlsx"), join(`${dir}-via`, "flawed.xlsx")]) {
      const r = await run([cmd, input, ...args, "--out", out, "--force"], dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^--out 不能是原文件/);
    }
    expect(sha(input)).toBe(before);
  });

  test("check --annotate into a folder that is the input's folder through a symlink keeps the input", async () => {
    const dir = tmp();
    const input = join(dir, "申报表.xlsx");
    copyFileSync(examplePath("seed-form.xlsx"), input);
    symlinkSync(dir, `${dir}-link`);
    const before = sha(input);
    const r = await run(["check", input, "--annotate", `${dir}-link`], dir);
    expect(r.code).toBe(1);
    expect(sha(input)).toBe(before);
    expect(r.err).toContain(`「${input}」的副本名为「申报表-2.xlsx」`);
    expect(readdirSync(dir).sort()).toEqual(["申报表-2.xlsx", "申报表.xlsx"]);
  });
});

describe("an existing output is not replaced silently", () => {
  test("add --out an existing file: refused with its name, unchanged; --force replaces it", async () => {
    const dir = tmp();
    copyFileSync(examplePath("corrected-form.xlsx"), join(dir, "in.xlsx"));
    writeFileSync(join(dir, "out.xlsx"), "别人的文件");
    const r = await run(["add", "in.xlsx", "--template", "satisfaction.public", "--out", "out.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^「out\.xlsx」已存在,未做任何更改。请换一个文件名,或加 --force 覆盖它\n/);
    expect(readFileSync(join(dir, "out.xlsx"), "utf8")).toBe("别人的文件");
    const forced = await run(["add", "in.xlsx", "--template", "satisfaction.public", "--out", "out.xlsx", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, "out.xlsx")).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "out.xlsx"]);
  });

  test("--annotate twice: the first copy is kept, the second gets a new name and says so", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "out"));
    const input = join(dir, "申报表.xlsx");
    copyFileSync(examplePath("seed-form.xlsx"), input);
    await run(["check", input, "--annotate", "out"], dir);
    const first = sha(join(dir, "out", "申报表.xlsx"));
    const again = await run(["check", input, "--annotate", "out", "--lang", "en"], dir);
    expect(again.err).toContain(`the copy of "${input}" is named "申报表-2.xlsx"`);
    expect(sha(join(dir, "out", "申报表.xlsx"))).toBe(first);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["申报表-2.xlsx", "申报表.xlsx"]);
  });
});

describe("a failed write leaves no file and keeps the old one", () => {
  test("writeFileAtomic: a write failing part way leaves the old bytes and no temporary file", () => {
    const dir = tmp();
    const target = join(dir, "t.xlsx");
    writeFileSync(target, "旧内容");
    expect(() => writeFileAtomic(target, new Uint8Array(5000).fill(65), "replace", fullDisk())).toThrow(/ENOSPC/);
    expect(readFileSync(target, "utf8")).toBe("旧内容");
    expect(readdirSync(dir)).toEqual(["t.xlsx"]);
    writeFileAtomic(target, new TextEncoder().encode("新内容"), "replace");
    expect(readFileSync(target, "utf8")).toBe("新内容");
    expect(() => writeFileAtomic(target, new Uint8Array(1), "refuse")).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(readFileSync(target, "utf8")).toBe("新内容");
    expect(readdirSync(dir)).toEqual(["t.xlsx"]);
  });

  test("fix --force onto a full disk: a Chinese message naming the file, exit 2, the old file intact", async () => {
    const dir = tmp();
    const input = await flawedForm(dir);
    writeFileSync(join(dir, "fixed.xlsx"), "上次的结果");
    const before = sha(input);
    const r = await run(["fix", input, "--out", "fixed.xlsx", "--force"], dir, fullDisk());
    expect(r.code).toBe(2);
    expect(r.err).toBe("无法写出「fixed.xlsx」:磁盘空间不足。未写出任何文件,原有同名文件(如有)未被改动。\n");
    expect(readFileSync(join(dir, "fixed.xlsx"), "utf8")).toBe("上次的结果");
    expect(sha(input)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["fixed.xlsx", "flawed.xlsx"]);
  });

  test("add onto a full disk writes nothing at all", async () => {
    const dir = tmp();
    copyFileSync(examplePath("corrected-form.xlsx"), join(dir, "in.xlsx"));
    const r = await run(["add", "in.xlsx", "--template", "satisfaction.public", "--out", "new.xlsx", "--lang", "en"], dir, fullDisk());
    expect(r.code).toBe(2);
    expect(r.err).toBe('Cannot write "new.xlsx": the disk is full; nothing was written; an existing file of that name is unchanged.\n');
    expect(existsSync(join(dir, "new.xlsx"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  test("--annotate onto a full disk: says which copy failed, leaves nothing", async () => {
    const dir = tmp();
    const input = join(dir, "申报表.xlsx");
    copyFileSync(examplePath("seed-form.xlsx"), input);
    const r = await run(["check", input, "--annotate", "out"], dir, fullDisk());
    expect(r.code).toBe(2);
    expect(r.err).toContain(`标注副本:无法写出「${join(dir, "out", "申报表.xlsx")}」:磁盘空间不足。`);
    expect(readdirSync(join(dir, "out"))).toEqual([]);
  });
});

/*
 * The commands honour the verification: when the post-conditions fail (simulated here — the real
 * checks are proved in test/core/plan/verify.test.ts and the property test), nothing is written.
 */
describe("a write that fails its verification is not saved", () => {
  const failing = {
    ok: false as const,
    problems: [],
    reason: { zh: "“插入指标”应用后核对未通过,已撤销,表格未被修改:申报表!C24 原为「质量指标」,现为「时效指标」", en: "failed its check" },
  };
  afterEach(() => jest.restoreAllMocks());

  test("add: the reason in Chinese, exit 2, no file", async () => {
    const verify = await import("../../src/core/plan/verify");
    jest.spyOn(verify, "verifyPlan").mockReturnValue(failing);
    const dir = tmp();
    copyFileSync(examplePath("corrected-form.xlsx"), join(dir, "in.xlsx"));
    const before = sha(join(dir, "in.xlsx"));
    const r = await run(["add", "in.xlsx", "--template", "satisfaction.public", "--out", "out.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${failing.reason.zh}。未写出文件\n`);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
    expect(sha(join(dir, "in.xlsx"))).toBe(before);
  });

  test("fix: reported as not fixed, with the reason; nothing is written when no fix passed", async () => {
    const verify = await import("../../src/core/plan/verify");
    jest.spyOn(verify, "verifyPlan").mockReturnValue(failing);
    const dir = tmp();
    const input = await flawedForm(dir);
    const r = await run(["fix", input, "--out", "fixed.xlsx"], dir);
    expect(r.out).toContain(`未修复: 将 D8 改为数字 326.60 — ${failing.reason.zh}`);
    expect(readdirSync(dir)).toEqual(["flawed.xlsx"]);
  });
});
