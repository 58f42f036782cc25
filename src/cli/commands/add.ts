/** budget-form add: inserts one standard indicator row into a copy of the workbook. */
import { basename } from "path";
import { checkWorkbook } from "../../core/engine";
import { findTemplate } from "../../core/templates/catalogue";
import { closest } from "../../core/closest";
import { planTemplate } from "../../app/insert";
import { applyVerified } from "../../hosts/file/apply";
import { UsageError, parseArgs } from "../args";
import { configOption } from "../config";
import { Command, EXIT } from "../io";
import { inputAndOutput, protectionAllows, readInput, writeEditedCopy } from "./rewrite";
import { EditLog } from "../../hosts/file/patchWrite";
import { loadTemplates } from "./templateLibrary";
import { pick } from "../../core/i18n";
import { CLI } from "../messages";
import { checkDraft } from "../../core/templates/drafts";
import { DRAFT_TEXT, notPassingText, pickDraft } from "../drafts";
import { IndicatorTemplate } from "../../core/templates/types";
import { readState } from "../../hosts/file/state";
import { withoutIgnored } from "../../app/validate";

const HELP = {
  zh: `用法: budget-form add <文件> (--template <编号> | --draft <编号>) --out <新文件> [选项]

在申报表的对应分组中插入一条标准绩效指标(模板编号见 budget-form templates)或一条拟定指标
(编号见 budget-form templates --drafts <文件>),写出新文件,原文件不会被修改。

选项:
  --template <编号>     模板编号,如 satisfaction.service-recipients
  --draft <编号>        拟定指标编号,如 B18-1(据重点工作任务或空着的分类拟定);按所给的值未通过检查时不写出
  --name <名称>         三级指标名称(默认取模板或拟定的名称)
  --period <指标值>     实施周期指标值(默认取模板值)
  --annual <指标值>     年度指标值(默认取模板值;只给年度值时实施周期值与之相同)
  --templates <文件>    自定义模板库(JSON)
  --sheet <工作表>      表单所在的工作表(只有一张申报表时可省略;有多张时必须指定)
  --config <文件>       规则配置(JSON,同 check):插入后按它复核,新出现的错误会使插入被撤销
  --out <新文件>        写出的新文件,不能与原文件相同;已存在时不覆盖
  --force              --out 已存在时覆盖它(原文件仍不会被修改)
  --write-protected    表单所在工作表受保护时仍写出副本(默认拒绝)
  --allow-loss         无法按原文件包修补、重写的副本会丢失内容(图表、数据透视表、宏等)时仍写出
                       (默认不写出,说明会丢失什么,退出码 2)
  -h, --help           显示本帮助

示例: budget-form add 申报表.xlsx --template satisfaction.service-recipients --annual ≥96% --out 申报表-已补充.xlsx
      budget-form add 申报表.xlsx --draft B18-1 --annual ≥10次 --out 申报表-已补充.xlsx
`,
  en: `Usage: budget-form add <file> (--template <id> | --draft <id>) --out <new file> [options]

Inserts one standard indicator (ids: budget-form templates) or one drafted indicator (ids: budget-form templates
--drafts <file>) into its group of the form and writes a new file; the input is never modified.

Options:
  --template <id>      template id, e.g. satisfaction.service-recipients
  --draft <id>         drafted indicator id, e.g. B18-1 (from a key task or an empty group); refused if it fails the checks
  --name <name>        the 三级 name (default: the template's or the draft's)
  --period <value>     实施周期 target (default: the template's)
  --annual <value>     annual target (default: the template's; alone, it sets the 实施周期 target too)
  --templates <file>   custom template library (JSON)
  --sheet <name>       the sheet holding the form (needed when the workbook holds several forms)
  --config <file>      rule configuration (JSON, as for check): the insertion is re-checked with it and undone if it adds an error
  --out <new file>     the file to write; must differ from the input; an existing file is not replaced
  --force              replace --out if it exists (the input is still never modified)
  --write-protected    write the copy even when the form's sheet is protected (refused by default)
  --allow-loss         write the copy even when it cannot be patched in place and the rewritten copy would lose
                       content (charts, pivot tables, macros …); by default nothing is written (exit 2)
  -h, --help           show this help
`,
};

export const add: Command = {
  name: "add",
  summary: { zh: "按模板插入一条绩效指标(写出新文件)", en: "insert an indicator from a template (writes a new file)" },
  help: HELP,
  async run(args, ctx) {
    const { io, lang } = ctx;
    const parsed = parseArgs(args, {
      values: ["template", "draft", "name", "period", "annual", "templates", "sheet", "config", "out", "lang"],
      flags: { help: "h", force: null, "write-protected": null, "allow-loss": null },
    });
    if (parsed.flags.has("help")) {
      io.stdout.write(pick(HELP, lang));
      return EXIT.ok;
    }
    const id = parsed.values.template;
    const draftId = parsed.values.draft;
    if (id !== undefined && draftId !== undefined) throw new UsageError(DRAFT_TEXT.templateOrDraft);
    if (!id && !draftId) throw new UsageError(DRAFT_TEXT.needRow);
    const { input, output, display, force } = inputAndOutput(parsed.positionals, parsed.values.out, ctx, "add", parsed.flags.has("force"));
    const configured = configOption(parsed.values.config, ctx);
    if (!configured) return EXIT.failure;
    const { config } = configured;
    const list = loadTemplates(parsed.values.templates, ctx);
    if (!list) return EXIT.failure;
    const template = id ? findTemplate(id, list) : undefined;
    if (id && !template) {
      const ids = list.map((t) => t.id);
      // A typo (closest), or the id without its group: "service-recipients" for "satisfaction.service-recipients".
      const bySuffix = ids.filter((t) => t.toLowerCase().endsWith(`.${id.toLowerCase()}`));
      const near = closest(id, ids) ?? (bySuffix.length === 1 ? bySuffix[0] : undefined);
      io.stderr.write(`${near ? pick(CLI.noTemplateNear, lang, id, near) : pick(CLI.noTemplate, lang, id)}\n`);
      return EXIT.failure;
    }

    const read = await readInput(input, display, ctx);
    if (!read) return EXIT.failure;
    // A draft is one of the check's suggestions, so the check computes them when a draft is asked for.
    const result = checkWorkbook(read.snapshot, config, undefined, { fixes: draftId !== undefined });
    if (!result.recognitions.some((r) => r.forms.length > 0)) {
      io.stderr.write(`${pick(CLI.noFormIn, lang, display, parsed.values.sheet)}\n`);
      return EXIT.failure;
    }
    // Either --template (found above) or --draft (found below) names the row.
    let chosen = template as IndicatorTemplate;
    let sheet = parsed.values.sheet;
    if (draftId !== undefined) {
      const picked = pickDraft(result.findings, draftId, sheet, display);
      if (!picked.ok) {
        io.stderr.write(`${pick(picked.reason, lang)}\n`);
        return EXIT.failure;
      }
      chosen = picked.choice.template;
      sheet = picked.choice.sheet;
    }
    const values = { name: parsed.values.name, period: parsed.values.period, annual: parsed.values.annual };
    // The pane's rule for which form (src/app/insert.ts): --sheet (or the draft's form), else the only form, else ask.
    const planned = planTemplate(read.snapshot, chosen, values, { chosen: sheet });
    if (!planned.ok) {
      io.stderr.write(`${pick(planned.reason, lang)}\n`);
      return EXIT.failure;
    }
    const { plan, form } = planned;
    // As the WPS host does: a protected form is not written into unless the user says so.
    if (!protectionAllows(read.workbook, [form.model.sheet], parsed.flags.has("write-protected"), ctx)) return EXIT.failure;
    if (draftId !== undefined) {
      // The pane's rule for a draft: the row as given must pass the checks (no error or warning on it).
      const verdict = checkDraft(read.snapshot, chosen, values, form.model.sheet, { config, before: result });
      if (verdict.ok && verdict.blocking) {
        io.stderr.write(`${notPassingText(values.name ?? chosen.name, verdict, lang)}\n`);
        return EXIT.failure;
      }
    }
    // Proved on the re-read workbook before anything is written: a damaged form is never saved.
    const applied = await applyVerified(read.workbook, plan, { snapshot: read.snapshot, check: result }, config);
    if (!applied.ok) {
      io.stderr.write(`${pick(CLI.nothingWritten, lang, applied.reason)}\n`);
      return EXIT.failure;
    }
    const outDisplay = parsed.values.out!;
    // The insertion is written into the user's own package (patchRows.ts) from the steps applyVerified
    // ran; a package the patcher cannot handle goes the exceljs way.
    const log = new EditLog();
    log.record(applied.steps);
    if (!(await writeEditedCopy(read, log, applied.after.snapshot, { output, force }, outDisplay, ctx, parsed.flags.has("allow-loss"))))
      return EXIT.failure;
    const row = plan.target.row + 1;
    io.stdout.write(
      `${pick(CLI.added, lang, plan.title, plan.target.mode === "fill", form.model.sheet, row, outDisplay, basename(outDisplay))}\n`,
    );
    // The verification's own check of the result (what `check` on the copy would say), as `fix` reports its result.
    const left = withoutIgnored(applied.after.check, readState(read.workbook).ignored).summary;
    io.stdout.write(`${pick(CLI.afterAdd, lang, left.error, left.warning)}\n`);
    return EXIT.ok;
  },
};
