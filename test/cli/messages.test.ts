/** Messages a reviewer reads: what a wrong file really is, did-you-mean, English plurals. */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { englishPlurals } from "../../src/core/i18n";
import { noStackTrace, run } from "./capture";

const tmp = () => mkdtempSync(join(tmpdir(), "budget-form-msg-"));

describe("a text file given as .xlsx is described as what it is", () => {
  test.each([
    ["说明.xlsx", "请在周五前交表。\n联系人:张三\n", "这是普通的文本文件,不是 Excel 工作簿", "it is a plain text file"],
    ["导出.xlsx", "部门,金额\n科协,326.60\n文化馆,40.64\n", "这是用逗号或制表符分隔的文本文件(CSV)", "comma- or tab-separated text (CSV)"],
    ["制表符.xlsx", "部门\t金额\n科协\t326.60\n", "这是用逗号或制表符分隔的文本文件(CSV)", "(CSV)"],
    [
      "网页.xlsx",
      "<html><body><table><tr><td>部门</td><td>科协</td></tr></table></body></html>",
      "这是网页(HTML)文件",
      "it is a web page (HTML)",
    ],
    [
      "旧XML.xlsx",
      '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>',
      "这是 Excel 2003 XML 表格",
      "Excel 2003 XML spreadsheet",
    ],
  ])("%s", async (name, content, zh, en) => {
    const dir = tmp();
    writeFileSync(join(dir, name), content);
    const r = await run(["check", name], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toContain(`无法读取「${name}」:${zh}`);
    // The plain text file is not told to "Save As .xlsx": there is no table in it.
    if (name === "说明.xlsx") expect(r.out).not.toContain("另存为");
    else expect(r.out).toContain("另存为");
    const e = await run(["check", name, "--lang", "en"], { cwd: dir });
    expect(e.out).toContain(en);
    noStackTrace(r.out + r.err + e.out + e.err);
  });

  test("UTF-16 text (Excel's 'Unicode Text' export) is recognised as separated text", async () => {
    const dir = tmp();
    const body = "部门\t金额\r\n科协\t326.60\r\n";
    writeFileSync(join(dir, "unicode.xlsx"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, "utf16le")]));
    const r = await run(["check", "unicode.xlsx"], { cwd: dir });
    expect(r.out).toContain("文本文件(CSV)");
  });
});

describe("did you mean", () => {
  test.each([
    [["chek", "a.xlsx"], "未知命令「chek」,您是不是要用「check」?", 'Unknown command "chek". Did you mean "check"?'],
    [["tempaltes"], "未知命令「tempaltes」,您是不是要用「templates」?", 'Did you mean "templates"?'],
    [["lint"], "未知命令「lint」;可用的命令:check、templates、add、fix", "the commands are check, templates, add, fix"],
    [
      ["check", "a.xlsx", "--fromat", "json"],
      "未知选项 --fromat,您是不是要用 --format?",
      "Unknown option --fromat. Did you mean --format?",
    ],
    [["check", "a.xlsx", "--sumary", "s.xlsx"], "您是不是要用 --summary?", "Did you mean --summary?"],
    [["check", "a.xlsx", "--quite"], "您是不是要用 --quiet?", "Did you mean --quiet?"],
    [["fix", "a.xlsx", "--output", "b.xlsx"], "未知选项 --output", "Unknown option --output"],
    [["check", "a.xlsx", "--quiet=yes"], "选项 --quiet 不带值", "Option --quiet takes no value"],
  ])("%j", async (argv, zh, en) => {
    const r = await run(argv);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toContain(zh);
    const e = await run([...argv, "--lang", "en"]);
    expect(e.err).toContain(en);
  });
});

describe("English plurals", () => {
  test.each([
    ["slid 1 column(s) left", "slid 1 column left"],
    ["slid 2 column(s) right", "slid 2 columns right"],
    ["3 chart(s); 1 note(s)", "3 charts; 1 note"],
    ["no number column(s)", "no number column(s)"],
  ])("%s", (text, expected) => {
    expect(englishPlurals(text)).toBe(expected);
  });

  test("the seed's slid rows in English", async () => {
    const r = await run(["check", "examples/seed-form.xlsx", "--lang", "en"]);
    expect(r.out).toMatch(/Row 43 is misaligned: its cells slid 1 column left/);
    expect(r.out).not.toContain("(s)");
  });
});
