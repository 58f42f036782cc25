/** The check command's results as JSON (for scripts) or text (for people), in one language. */
import { CheckResult, Summary, summarize } from "../core/engine";
import { SEVERITY_NAMES } from "../core/i18n";
import { Finding, Severity } from "../core/rules/types";
import { Lang } from "../hosts/host";

export interface FormEntry {
  file: string;
  sheet: string;
  findings: Finding[];
  summary: Summary;
}

export interface UnreadableEntry {
  file: string;
  error: { zh: string; en: string };
}

export type Entry = FormEntry | UnreadableEntry;

export const isUnreadable = (e: Entry): e is UnreadableEntry => "error" in e;

/**
 * One entry per recognised form; workbook-level findings go with the form on their sheet (or the
 * first form). A workbook without a form gives one entry holding the form-not-found finding.
 */
export function entriesFor(file: string, result: CheckResult, firstSheet: string): FormEntry[] {
  const forms = result.forms;
  const formFindings = new Set(forms.flatMap((f) => f.findings));
  const loose = result.findings.filter((f) => !formFindings.has(f));
  if (forms.length === 0) {
    return [{ file, sheet: loose[0]?.sheet || firstSheet, findings: loose, summary: summarize(loose) }];
  }
  const entries = forms.map((f) => ({ file, sheet: f.sheet, findings: f.findings.slice() }));
  for (const f of loose) (entries.find((e) => e.sheet === f.sheet) ?? entries[0]).findings.push(f);
  return entries.map((e) => ({ ...e, summary: summarize(e.findings) }));
}

export function toJson(entries: Entry[], lang: Lang): string {
  const files = entries.map((e) =>
    isUnreadable(e)
      ? { file: e.file, error: e.error[lang] }
      : {
          file: e.file,
          sheet: e.sheet,
          findings: e.findings.map((f) => ({ rule: f.rule, severity: f.severity, cells: f.cells, message: f.message[lang] })),
          summary: { error: e.summary.error, warning: e.summary.warning, info: e.summary.info },
        },
  );
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

const ORDER: Severity[] = ["error", "warning", "info"];

export function summaryLine(s: Summary, lang: Lang): string {
  return lang === "zh"
    ? `${s.error} 个错误,${s.warning} 个警告,${s.info} 条提示`
    : `${s.error} error${s.error === 1 ? "" : "s"}, ${s.warning} warning${s.warning === 1 ? "" : "s"}, ${s.info} tip${s.info === 1 ? "" : "s"}`;
}

export function totalLine(entries: Entry[], fileCount: number, lang: Lang): string {
  const total: Summary = { error: 0, warning: 0, info: 0 };
  for (const e of entries) if (!isUnreadable(e)) for (const s of ORDER) total[s] += e.summary[s];
  const unreadable = new Set(entries.filter(isUnreadable).map((e) => e.file)).size;
  if (lang === "zh") {
    return `共 ${fileCount} 个文件:${summaryLine(total, lang)}${unreadable ? `,${unreadable} 个文件无法读取` : ""}`;
  }
  return `${fileCount} file${fileCount === 1 ? "" : "s"}: ${summaryLine(total, lang)}${unreadable ? `, ${unreadable} file${unreadable === 1 ? "" : "s"} could not be read` : ""}`;
}

export function toText(entries: Entry[], fileCount: number, lang: Lang): string {
  const out: string[] = [];
  for (const e of entries) {
    if (isUnreadable(e)) {
      out.push(e.file, `  ${e.error[lang]}`, "");
      continue;
    }
    out.push(e.sheet ? `${e.file}  [${e.sheet}]` : e.file);
    if (e.findings.length === 0) out.push(lang === "zh" ? "  未发现问题" : "  No problems found");
    for (const sev of ORDER) {
      const list = e.findings.filter((f) => f.severity === sev);
      if (list.length === 0) continue;
      out.push(`  ${SEVERITY_NAMES[sev][lang]}`);
      for (const f of list) out.push(`    ${f.cells[0] ?? "-"}  ${f.rule}  ${f.message[lang]}`);
    }
    out.push(`  ${lang === "zh" ? "小计" : "Subtotal"}:${lang === "zh" ? "" : " "}${summaryLine(e.summary, lang)}`, "");
  }
  out.push(totalLine(entries, fileCount, lang));
  return `${out.join("\n")}\n`;
}
