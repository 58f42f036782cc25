/** budget-form templates: lists the standard indicator templates, plus a custom library. */
import { Level1, Level2 } from "../../core/form/model";
import { level1Label, level2Label } from "../../core/form/labels";
import { search } from "../../core/templates/catalogue";
import { IndicatorTemplate, LEVEL1_ORDER, LEVEL2_ORDER } from "../../core/templates/types";
import { UsageError, parseArgs } from "../args";
import { CliContext, Command, EXIT } from "../io";
import { loadTemplates } from "./templateLibrary";
import { CUSTOM_PREFIX } from "../../core/templates/library";
import { bilingual, pick } from "../../core/i18n";
import { CLI } from "../messages";
import { resolve } from "path";
import { checkWorkbook } from "../../core/engine";
import { configOption } from "../config";
import { draftsJson, draftsText } from "../drafts";
import { readInput } from "./rewrite";

const HELP = {
  zh: `用法: budget-form templates [选项]

列出标准绩效指标模板(可用于 budget-form add --template <编号>)。

选项:
  --format text|json   输出格式(默认 text)
  --templates <文件>    同时列出自定义模板库(JSON)
  --search <文字>       只列出名称、编号、标签或计算口径含该文字的模板
  --category <分类>     只列出某一级或二级分类,如 满意度、时效、经济成本
  --tag <标签>          只列出带该标签的模板,如 部门整体、会议培训
  --drafts <文件>       改为列出为该申报表拟定的指标(据没有对应指标的重点工作任务、空着的指标分类),
                       每条带编号,可用 budget-form add <文件> --draft <编号> 插入
  --config <文件>       与 --drafts 同用:按该规则配置检查(与 add --config 相同时编号一致)
  -h, --help           显示本帮助
`,
  en: `Usage: budget-form templates [options]

Lists the standard indicator templates (for budget-form add --template <id>).

Options:
  --format text|json   output format (default text)
  --templates <file>   also list a custom template library (JSON)
  --search <text>      only templates whose name, id, tags or definition contain the text
  --category <name>    only one 一级 or 二级 category, e.g. 满意度, 时效, 经济成本
  --tag <tag>          only templates with this tag, e.g. 部门整体, 会议培训
  --drafts <file>      list instead the indicators drafted for that form (for key tasks without an indicator
                       and empty groups), each with an id for budget-form add <file> --draft <id>
  --config <file>      with --drafts: check with this rule configuration (ids match add with the same --config)
  -h, --help           show this help
`,
};

const CATEGORIES = new Set<string>([...LEVEL1_ORDER, ...LEVEL2_ORDER]);

/**
 * One template as `templates --format json` prints it: a public interface (README, 命令行), so
 * it names only what a script needs and never the catalogue's bookkeeping (the notes' references,
 * the second layout's placement, fill-in hints), which may change without notice. The published
 * source (`citation`) is public: a reviewer asks where an indicator comes from.
 */
export interface PublicTemplate {
  id: string;
  name: string;
  /** 一级 and 二级 as in the layout where 成本 is a 二级 under 产出; `add` places it in either layout. */
  level1: Level1;
  level2: Level2;
  kind: "quantitative" | "qualitative";
  operator: string | null;
  unit: string | null;
  period: string;
  annual: string;
  formula: string;
  tags: string[];
  custom: boolean;
  /** Document, issuer and year; null for a user's own template that names none. */
  citation: { document: string; issuer: string; year: number | null } | null;
}

export function publicTemplate(t: IndicatorTemplate): PublicTemplate {
  return {
    id: t.id,
    name: t.name,
    level1: t.placement.level1,
    level2: t.placement.level2,
    kind: t.kind,
    operator: t.operator,
    unit: t.unit,
    period: t.period,
    annual: t.annual,
    formula: t.formula,
    tags: [...t.tags],
    custom: t.id.startsWith(CUSTOM_PREFIX),
    citation: t.citation ? { ...t.citation } : null,
  };
}

function toText(list: IndicatorTemplate[], ctx: CliContext): string {
  if (list.length === 0) return `${pick(CLI.noTemplateMatches, ctx.lang)}\n`;
  const groups = new Map<string, IndicatorTemplate[]>();
  const sorted = list
    .map((t, i) => ({ t, i }))
    .sort((a, b) => LEVEL2_ORDER.indexOf(a.t.placement.level2) - LEVEL2_ORDER.indexOf(b.t.placement.level2) || a.i - b.i);
  for (const { t } of sorted) {
    const p = t.placement;
    const key = `${level1Label(p.level1)} / ${level2Label(p.level2)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(t);
  }
  const width = Math.max(...list.map((t) => t.id.length)) + 2;
  const lines: string[] = [];
  for (const [key, ts] of groups) {
    const cost = ts[0].placement.level2 === "成本";
    lines.push(cost ? `${key}${pick(CLI.costGroupNote, ctx.lang)}` : key);
    for (const t of ts) {
      const values = t.period === t.annual ? t.annual : `${t.period} / ${t.annual}`;
      lines.push(`  ${t.id.padEnd(width)}${t.name}  ${values}  [${t.tags.join("、")}]`);
    }
    lines.push("");
  }
  const total = pick(CLI.templateCount, ctx.lang, list.length);
  return `${lines.join("\n")}${total}\n`;
}

export const templates: Command = {
  name: "templates",
  summary: { zh: "列出标准绩效指标模板", en: "list the standard indicator templates" },
  help: HELP,
  async run(args, ctx) {
    const { io, lang } = ctx;
    const parsed = parseArgs(args, {
      values: ["format", "templates", "search", "category", "tag", "lang", "drafts", "config"],
      flags: { help: "h" },
    });
    if (parsed.flags.has("help")) {
      io.stdout.write(pick(HELP, lang));
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0) throw new UsageError(bilingual(CLI.unexpectedArgument, parsed.positionals[0]));
    const format = parsed.values.format ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(bilingual(CLI.badFormat, format));
    if (parsed.values.drafts !== undefined) return listDrafts(parsed.values.drafts, parsed.values.config, format, ctx);
    const category = parsed.values.category;
    if (category !== undefined && !CATEGORIES.has(category)) {
      throw new UsageError(bilingual(CLI.unknownCategory, category, [...CATEGORIES]));
    }
    const loaded = loadTemplates(parsed.values.templates, ctx);
    if (!loaded) return EXIT.failure;
    const list = search(parsed.values.search ?? "", {
      list: loaded,
      tag: parsed.values.tag,
      category: category as Level1 | Level2 | undefined,
    });
    io.stdout.write(format === "json" ? `${JSON.stringify({ templates: list.map(publicTemplate) }, null, 2)}\n` : toText(list, ctx));
    return EXIT.ok;
  },
};

/** `templates --drafts <file>`: the drafts a check of the form offers, with the ids `add --draft` takes. */
async function listDrafts(file: string, configPath: string | undefined, format: string, ctx: CliContext): Promise<number> {
  const configured = configOption(configPath, ctx);
  if (!configured) return EXIT.failure;
  const read = await readInput(resolve(ctx.io.cwd, file), file, ctx);
  if (!read) return EXIT.failure;
  const result = checkWorkbook(read.snapshot, configured.config, undefined, { fixes: true });
  ctx.io.stdout.write(format === "json" ? `${JSON.stringify(draftsJson(result), null, 2)}\n` : draftsText(result, file, ctx.lang));
  return EXIT.ok;
}
