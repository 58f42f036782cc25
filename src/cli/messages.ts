/**
 * What budget-form says, both languages side by side (the catalogue shape of src/core/i18n.ts).
 * A command's --help text stays with its command, in the same {zh, en} shape, so adding a command
 * is one file. Texts that take a Message (a reason from elsewhere) put its own language in place.
 */
import { Catalogue, Message, count } from "../core/i18n";

const plural = (n: number, word: string) => `${word}${n === 1 ? "" : "s"}`;

export const CLI = {
  // main: usage and failures of the command line itself
  help: {
    zh: (version: string, list: string) => `绩效表助手 ${version} — 部门整体预算绩效目标申报表检查工具

用法: budget-form <命令> [参数…]

命令:
${list}

通用选项:
  --lang zh|en    输出语言(默认 zh)
  -h, --help      显示帮助(budget-form <命令> --help 查看命令的用法)
  -v, --version   显示版本
`,
    en: (version: string, list: string) => `Budget Form Assistant ${version} — checks the department budget performance-target form

Usage: budget-form <command> [arguments…]

Commands:
${list}

Common options:
  --lang zh|en    output language (default zh)
  -h, --help      show help (budget-form <command> --help for a command's usage)
  -v, --version   show the version
`,
  },
  seeHelp: { zh: "运行 budget-form --help 查看用法。", en: "Run budget-form --help for usage." },
  badLang: {
    zh: (asked: string) => `--lang 只能是 zh 或 en,收到「${asked}」`,
    en: (asked: string) => `--lang must be zh or en, got "${asked}"`,
  },
  unknownCommandNear: {
    zh: (name: string, near: string) => `未知命令「${name}」,您是不是要用「${near}」?`,
    en: (name: string, near: string) => `Unknown command "${name}". Did you mean "${near}"?`,
  },
  unknownCommand: {
    zh: (name: string, names: string[]) => `未知命令「${name}」;可用的命令:${names.join("、")}`,
    en: (name: string, names: string[]) => `Unknown command "${name}"; the commands are ${names.join(", ")}`,
  },
  internalError: {
    zh: (msg: string) => `内部错误:${msg}。请将此信息和出错的文件反馈给维护者。`,
    en: (msg: string) => `Internal error: ${msg}. Please report it with the file that caused it.`,
  },

  // args: the option parser
  unknownOptionNear: {
    zh: (arg: string, near: string) => `未知选项 ${arg},您是不是要用 --${near}?`,
    en: (arg: string, near: string) => `Unknown option ${arg}. Did you mean --${near}?`,
  },
  unknownOption: { zh: (arg: string) => `未知选项 ${arg}`, en: (arg: string) => `Unknown option ${arg}` },
  needsValue: { zh: (name: string) => `选项 --${name} 需要一个值`, en: (name: string) => `Option --${name} needs a value` },
  takesNoValue: { zh: (name: string) => `选项 --${name} 不带值`, en: (name: string) => `Option --${name} takes no value` },
  badFormat: {
    zh: (format: string) => `--format 只能是 text 或 json,收到「${format}」`,
    en: (format: string) => `--format must be text or json, got "${format}"`,
  },
  badCheckFormat: {
    zh: (format: string) => `--format 只能是 text、table 或 json,收到「${format}」`,
    en: (format: string) => `--format must be text, table or json, got "${format}"`,
  },
  unexpectedArgument: { zh: (arg: string) => `多余的参数「${arg}」`, en: (arg: string) => `Unexpected argument "${arg}"` },

  // config: --config
  configMissing: { zh: "文件不存在", en: "file not found" },
  configIsFolder: { zh: "这是一个文件夹", en: "it is a folder" },
  configUnopenable: { zh: "无法打开", en: "cannot open it" },
  configUnreadable: {
    zh: (file: string, why: Message) => `无法读取配置文件「${file}」:${why.zh}`,
    en: (file: string, why: Message) => `Cannot read config file "${file}": ${why.en}`,
  },
  configNotJson: {
    zh: (file: string, error: Message) => `配置文件「${file}」不是有效的 JSON,${error.zh}`,
    en: (file: string, error: Message) => `Config file "${file}" is not valid JSON: ${error.en}`,
  },
  configProblem: {
    zh: (file: string, problem: Message) => `配置文件「${file}」:${problem.zh}`,
    en: (file: string, problem: Message) => `Config file "${file}": ${problem.en}`,
  },

  // inputs: files, folders and globs
  noXlsxInFolder: { zh: (arg: string) => `文件夹「${arg}」中没有 .xlsx 文件`, en: (arg: string) => `No .xlsx file in folder "${arg}"` },
  noMatch: { zh: (arg: string) => `没有文件与「${arg}」匹配`, en: (arg: string) => `No file matches "${arg}"` },
  fileNotFound: { zh: (file: string) => `找不到文件「${file}」`, en: (file: string) => `File not found: "${file}"` },
  cannotRead: {
    zh: (file: string, why: string) => `无法读取「${file}」:${why}`,
    en: (file: string, why: string) => `Cannot read "${file}": ${why}`,
  },
  readDenied: {
    zh: (file: string) => `无法读取「${file}」:没有读取权限`,
    en: (file: string) => `Cannot read "${file}": permission denied`,
  },
  readLocked: {
    zh: (file: string) => `无法读取「${file}」:文件被其他程序占用,请关闭后重试`,
    en: (file: string) => `Cannot read "${file}": the file is locked by another program; close it and retry`,
  },
  /** What a copy of the workbook cannot keep (notes, charts …), before it is written. */
  note: { zh: (warning: Message) => `注意:${warning.zh}。`, en: (warning: Message) => `Note: ${warning.en}.` },
  noteIn: {
    zh: (file: string, warning: Message) => `注意:「${file}」${warning.zh}。`,
    en: (file: string, warning: Message) => `Note: "${file}": ${warning.en}.`,
  },

  // check
  checking: { zh: "检查中", en: "Checking" },
  annotatedCopy: { zh: "标注副本:", en: "Annotated copy: " },
  nameFiles: { zh: "请给出要检查的 .xlsx 文件", en: "Name the .xlsx files to check" },
  badMaxWarnings: {
    zh: (v: string) => `--max-warnings 应为不小于 0 的整数,收到「${v}」`,
    en: (v: string) => `--max-warnings must be a whole number of at least 0, got "${v}"`,
  },
  summaryNeedsName: {
    zh: "--summary 需要一个文件名,例如 --summary 汇总.xlsx",
    en: "--summary needs a file name, e.g. --summary summary.xlsx",
  },
  summaryBadExtension: {
    zh: (v: string) => `--summary 的文件应以 .xlsx(或 .html)结尾,收到「${v}」`,
    en: (v: string) => `The --summary file must end in .xlsx (or .html), got "${v}"`,
  },
  summaryNotOurs: {
    zh: (shown: string) => `「${shown}」已存在,且不是 budget-form 写出的汇总表,不会覆盖它;请给 --summary 换一个文件名`,
    en: (shown: string) =>
      `"${shown}" exists and is not a summary written by budget-form; it will not be overwritten. Give --summary another name`,
  },
  cannotCreateFolder: {
    zh: (folder: string, why: string) => `无法创建文件夹「${folder}」:${why}`,
    en: (folder: string, why: string) => `Cannot create folder "${folder}": ${why}`,
  },
  cannotCreateSummaryFolder: {
    zh: (why: string) => `无法创建汇总表所在的文件夹:${why}`,
    en: (why: string) => `Cannot create the summary's folder: ${why}`,
  },
  skippedSummaries: {
    zh: (n: number) => `已跳过 ${n} 个由 budget-form 生成的汇总表。`,
    en: (n: number) => `Skipped ${n} ${plural(n, "summary workbook")} written by budget-form.`,
  },
  wroteSummary: { zh: (shown: string) => `已写出汇总表「${shown}」。`, en: (shown: string) => `Wrote the summary "${shown}".` },
  tooManyWarnings: {
    zh: (warnings: number, max: number) => `警告共 ${warnings} 个,超过 --max-warnings 允许的 ${max} 个。`,
    en: (warnings: number, max: number) => `${warnings} warnings, more than --max-warnings allows (${max}).`,
  },
  wroteAnnotated: {
    zh: (n: number, folder: string) => `已在「${folder}」写出 ${n} 份带标注的副本。`,
    en: (n: number, folder: string) => `Wrote ${n} annotated cop${n === 1 ? "y" : "ies"} to "${folder}".`,
  },
  copyRenamed: {
    zh: (file: string, name: string) => `  「${file}」的副本名为「${name}」(同名文件已存在或是输入文件)`,
    en: (file: string, name: string) => `  the copy of "${file}" is named "${name}" (the name was taken)`,
  },

  // report: the check command's text output
  summaryLine: {
    zh: (error: number, warning: number, info: number) => `${error} 个错误,${warning} 个警告,${info} 条提示`,
    en: (error: number, warning: number, info: number) =>
      `${error} ${plural(error, "error")}, ${warning} ${plural(warning, "warning")}, ${info} ${plural(info, "tip")}`,
  },
  totalLine: {
    zh: (files: number, counts: string, ignored: number, unreadable: number) =>
      `共 ${files} 个文件:${counts}${ignored ? `(另有 ${ignored} 条已忽略)` : ""}${unreadable ? `,${unreadable} 个文件无法读取` : ""}`,
    en: (files: number, counts: string, ignored: number, unreadable: number) =>
      `${files} ${plural(files, "file")}: ${counts}${ignored ? ` (${ignored} more ignored)` : ""}${unreadable ? `, ${unreadable} ${plural(unreadable, "file")} could not be read` : ""}`,
  },
  cellsInAll: { zh: (n: number) => ` 等 ${n} 处`, en: (n: number) => ` and ${n - 1} more` },
  moreLikeThis: {
    zh: (n: number, cells: string) => `      同类提示另有 ${n} 处:${cells}`,
    en: (n: number, cells: string) => `      ${n} more like this: ${cells}`,
  },
  colFile: { zh: "文件", en: "File" },
  colDepartment: { zh: "部门", en: "Department" },
  colKind: { zh: "类型", en: "Kind" },
  /** The project's name on a project form or its 自评表, the department's on a department form. */
  colName: { zh: "部门/项目", en: "Department / project" },
  colVerdict: { zh: "结论", en: "Verdict" },
  colErrors: { zh: "错误", en: "Errors" },
  colWarnings: { zh: "警告", en: "Warnings" },
  colTips: { zh: "提示", en: "Tips" },
  colIgnored: { zh: "已忽略", en: "Ignored" },
  verdictSubmit: { zh: "可以提交", en: "Ready" },
  verdictRevise: { zh: "需修改", en: "Needs changes" },
  verdictUnreadable: { zh: "无法读取", en: "Unreadable" },
  verdictUnchecked: { zh: "未检查", en: "Not checked" },
  verdictCounts: {
    zh: (submit: number, revise: number, unreadable: number, unchecked: number) =>
      `结论:可以提交 ${submit} 份,需修改 ${revise} 份${unchecked ? `,未检查 ${unchecked} 个` : ""}${unreadable ? `,无法读取 ${unreadable} 个` : ""}`,
    en: (submit: number, revise: number, unreadable: number, unchecked: number) =>
      `Verdict: ${submit} ready, ${revise} need${revise === 1 ? "s" : ""} changes${unchecked ? `, ${unchecked} not checked` : ""}${unreadable ? `, ${unreadable} unreadable` : ""}`,
  },
  readLine: { zh: (what: string) => `  读到:${what}`, en: (what: string) => `  Read: ${what}` },
  notCheckedLine: { zh: (why: string) => `  未检查:${why}`, en: (why: string) => `  Not checked: ${why}` },
  noProblems: { zh: "  未发现问题", en: "  No problems found" },
  ignoredMore: {
    zh: (n: number) => `  另有 ${n} 条问题已由填表人在加载项中忽略(--include-ignored 可显示)`,
    en: (n: number) => `  ${n} more ignored by the form's authors in the add-in (--include-ignored shows them)`,
  },
  subtotal: { zh: (counts: string) => `  小计:${counts}`, en: (counts: string) => `  Subtotal: ${counts}` },

  // summary: the reviewer's workbook and web page
  sheetSummary: { zh: "汇总", en: "Summary" },
  sheetFindings: { zh: "明细", en: "Findings" },
  colSheet: { zh: "工作表", en: "Sheet" },
  colExpenditure: { zh: "支出合计(万元)", en: "Expenditure (10k yuan)" },
  colMainProblems: { zh: "主要问题", en: "Main problems" },
  colCell: { zh: "单元格", en: "Cell" },
  colSeverity: { zh: "级别", en: "Severity" },
  colCategory: { zh: "类别", en: "Category" },
  colRule: { zh: "规则", en: "Rule" },
  colMessage: { zh: "说明", en: "Message" },
  morePlaces: { zh: (n: number) => `(共 ${n} 处)`, en: (n: number) => ` (${n} places)` },
  summaryTitle: { zh: "申报表检查汇总", en: "Form check summary" },
  htmlLang: { zh: "zh-CN", en: "en" },

  // templates, add
  noTemplateMatches: { zh: "没有符合条件的模板。", en: "No template matches." },
  costGroupNote: {
    zh: "(成本为一级时:成本指标 / 经济、社会、生态环境成本指标)",
    en: " (when 成本 is a 一级: 成本指标 / 经济·社会·生态环境成本指标)",
  },
  templateCount: { zh: (n: number) => `共 ${n} 个模板。`, en: (n: number) => `${n} templates.` },
  unknownCategory: {
    zh: (category: string, known: string[]) => `--category 无法识别「${category}」,可用:${known.join("、")}`,
    en: (category: string, known: string[]) => `--category "${category}" is not known; use one of ${known.join(", ")}`,
  },
  libraryMissing: { zh: "文件不存在", en: "no such file" },
  libraryUnreadable: {
    zh: (file: string, why: string) => `无法读取模板库「${file}」:${why}`,
    en: (file: string, why: string) => `Cannot read the template library "${file}": ${why}`,
  },
  libraryInvalid: { zh: (file: string) => `模板库「${file}」有误:`, en: (file: string) => `The template library "${file}" is invalid:` },
  needTemplate: {
    zh: "请用 --template 指定模板编号(budget-form templates 可列出全部)",
    en: "Give the template id with --template (budget-form templates lists them)",
  },
  noTemplateNear: {
    zh: (id: string, near: string) => `没有编号为「${id}」的模板,您是不是要用「${near}」?`,
    en: (id: string, near: string) => `No template "${id}". Did you mean "${near}"?`,
  },
  noTemplate: {
    zh: (id: string) => `没有编号为「${id}」的模板;运行 budget-form templates 查看全部编号`,
    en: (id: string) => `No template "${id}"; run budget-form templates to list the ids`,
  },
  noFormIn: {
    zh: (file: string, sheet: string | undefined) =>
      `「${file}」${sheet === undefined ? "" : `工作表「${sheet}」中`}没有识别到绩效目标表或自评表,未做任何更改`,
    en: (file: string, sheet: string | undefined) =>
      `No form was recognised in "${file}"${sheet === undefined ? "" : ` on sheet "${sheet}"`}; nothing was changed`,
  },
  nothingWritten: { zh: (reason: Message) => `${reason.zh}。未写出文件`, en: (reason: Message) => `${reason.en}. Nothing was written` },
  /** Chinese shows the copy's path as given, English its file name. */
  added: {
    zh: (title: Message, filled: boolean, sheet: string, row: number, out: string, _outName: string) =>
      `${title.zh}:${filled ? "填入" : "插入"}「${sheet}」第 ${row} 行,已写出「${out}」`,
    en: (title: Message, filled: boolean, sheet: string, row: number, _out: string, outName: string) =>
      `${title.en}: ${filled ? "filled" : "inserted"} row ${row} of "${sheet}"; wrote "${outName}"`,
  },

  /** After `add`: the form as the verification re-checked it, the authors' ignored findings left out. */
  afterAdd: {
    zh: (errors: number, warnings: number) =>
      errors + warnings > 0
        ? `插入后表中有 ${errors} 个错误、${warnings} 个警告,请运行 budget-form check 查看。`
        : "插入后表中没有错误或警告。",
    en: (errors: number, warnings: number) =>
      errors + warnings > 0
        ? `After the insertion the form has ${count(errors, "error", "errors")} and ${count(warnings, "warning", "warnings")}; run budget-form check to see them.`
        : "After the insertion the form has no error or warning.",
  },

  // add, fix: the copy they write
  nameOneFile: {
    zh: (command: string) => `请给出一个要修改的 .xlsx 文件(budget-form ${command} <文件> --out <新文件>)`,
    en: (command: string) => `Name one .xlsx file (budget-form ${command} <file> --out <new file>)`,
  },
  needOut: { zh: "请用 --out 指定新文件;原文件不会被修改", en: "Give the new file with --out; the input is never modified" },
  outIsInput: {
    zh: (input: string) => `--out 不能是原文件「${input}」:请另存为新文件,原文件不会被修改`,
    en: (input: string) => `--out must not be the input "${input}": write a new file; the input is never modified`,
  },
  outExists: {
    zh: (out: string) => `「${out}」已存在,未做任何更改。请换一个文件名,或加 --force 覆盖它`,
    en: (out: string) => `"${out}" already exists; nothing was changed. Choose another name, or add --force to replace it`,
  },

  // fix
  emptyCell: { zh: "(空)", en: "(empty)" },
  fixed: { zh: "已修复", en: "Fixed" },
  notFixed: { zh: "未修复", en: "Not fixed" },
  needsPerson: { zh: "需人工处理", en: "Needs a person" },
  nothingToFix: {
    zh: (file: string, errors: number, warnings: number) =>
      `「${file}」没有可自动修复的问题,未写出新文件。仍有 ${errors} 个错误、${warnings} 个警告。`,
    en: (file: string, errors: number, warnings: number) =>
      `"${file}" has nothing to fix automatically; no file was written. ${count(errors, "error", "errors")} and ${count(warnings, "warning", "warnings")} remain.`,
  },
  fixedAndWrote: {
    zh: (n: number, out: string, errors: number, warnings: number) =>
      `共修复 ${n} 处,已写出「${out}」。${errors + warnings > 0 ? `仍有 ${errors} 个错误、${warnings} 个警告,请运行 budget-form check 查看。` : "没有剩下的错误或警告。"}`,
    en: (n: number, out: string, errors: number, warnings: number) =>
      `Fixed ${n}; wrote "${out}". ${errors + warnings > 0 ? `${count(errors, "error", "errors")} and ${count(warnings, "warning", "warnings")} remain; run budget-form check to see them.` : "No error or warning is left."}`,
  },

  wouldFix: { zh: "将修复", en: "Would fix" },
  dryRunDone: {
    zh: (n: number, errors: number, warnings: number) =>
      `演练:将修复 ${n} 处,未写出任何文件。修复后还会有 ${errors} 个错误、${warnings} 个警告。`,
    en: (n: number, errors: number, warnings: number) =>
      `Dry run: would fix ${n}; no file was written. ${count(errors, "error", "errors")} and ${count(warnings, "warning", "warnings")} would remain.`,
  },
  withSuggestions: {
    zh: (n: number) => `另有 ${n} 个问题附有修改建议(需要您选择,不会自动应用):在加载项中点「建议」,或用 check --format json 查看`,
    en: (n: number) =>
      `${count(n, "more finding has", "more findings have")} suggestions (your choice, never applied automatically): pick one in the add-in, or see check --format json`,
  },
  skippedIgnored: {
    zh: (n: number) => `已跳过 ${n} 个填表人在加载项中忽略的问题`,
    en: (n: number) => `Skipped ${count(n, "finding", "findings")} the form's authors ignored in the add-in`,
  },

  // files: why a write failed
  writeKept: { zh: "未写出任何文件,原有同名文件(如有)未被改动", en: "nothing was written; an existing file of that name is unchanged" },
  diskFull: { zh: "磁盘空间不足", en: "the disk is full" },
  quotaExceeded: { zh: "超出磁盘配额", en: "the disk quota is exceeded" },
  writeDenied: { zh: "没有写入权限", en: "permission denied" },
  readOnlyDisk: { zh: "所在磁盘为只读", en: "the disk is read-only" },
  noFolder: { zh: "所在文件夹不存在", en: "its folder does not exist" },
  fileExists: { zh: "文件已存在", en: "the file already exists" },
  fileLocked: { zh: "文件被其他程序占用", en: "the file is locked by another program" },
  cannotGenerate: {
    zh: (file: string, why: Message) => `无法写出「${file}」:${why.zh}。`,
    en: (file: string, why: Message) => `Cannot write "${file}": ${why.en}.`,
  },
  systemError: {
    zh: (code: string, _detail: string) => `系统错误 ${code}`,
    en: (code: string, detail: string) => `system error ${code} (${detail})`,
  },
  unexpectedError: { zh: (_detail: string) => "发生意外错误", en: (detail: string) => detail },
  cannotWrite: {
    zh: (file: string, why: Message, kept: Message) => `无法写出「${file}」:${why.zh}。${kept.zh}。`,
    en: (file: string, why: Message, kept: Message) => `Cannot write "${file}": ${why.en}; ${kept.en}.`,
  },
} satisfies Catalogue;
