/**
 * A drafted indicator (指标推荐, issue #20) shown for editing before anything is written: the row as
 * the form will print it, the parts a person changes (name, unit, operator and numbers; or the text
 * of a graded target), and the checker's verdict on the row as edited, taken by running the whole
 * catalogue on a copy of the workbook with the row in (core/templates/drafts.ts). 插入 is enabled
 * only while the row passes; it re-reads the workbook and goes through the host's one apply
 * (verified, undone whole on failure). 取消 writes nothing. Loaded on demand (React.lazy in App).
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Add16Regular } from "@fluentui/react-icons";
import { Config } from "../../core/config";
import { CheckResult, checkWorkbook } from "../../core/engine";
import { level1Label, level2Label } from "../../core/form/labels";
import { Catalogue, pick } from "../../core/i18n";
import { errorMessage } from "../../core/errors";
import { Finding, Message, Rule } from "../../core/rules/types";
import { WorkbookSnapshot } from "../../core/snapshot";
import { DraftFields, DraftVerdict, checkDraft, draftFields, draftValues } from "../../core/templates/drafts";
import { InsertionPlan, defaultValues } from "../../core/templates/insert";
import { IndicatorTemplate, OPERATORS, Operator } from "../../core/templates/types";
import { Host, Lang } from "../../hosts/host";
import { applyDraft } from "../templates/applyDraft";
import { queueOf } from "../../app/queue";

const TEXT = {
  title: { zh: "编辑拟定指标", en: "Edit the drafted indicator" },
  reading: { zh: "正在读取表格…", en: "Reading the workbook…" },
  where: {
    zh: (where: string, row: number, fill: boolean) => `将${fill ? "填入" : "插入为"}第 ${row} 行(${where})`,
    en: (where: string, row: number, fill: boolean) => `${fill ? "Fills" : "Inserted as"} row ${row} (${where})`,
  },
  name: { zh: "三级指标名称", en: "Indicator name (三级)" },
  unit: { zh: "单位", en: "Unit" },
  operator: { zh: "运算符", en: "Operator" },
  period: { zh: "实施周期指标值", en: "Implementation-period target" },
  annual: { zh: "年度指标值", en: "Annual target" },
  value: { zh: "指标值", en: "Target" },
  preview: { zh: "表中将写入", en: "The form will read" },
  passes: { zh: "通过检查:这一行没有错误或警告。", en: "Passes the checks: no error or warning on this row." },
  blocked: { zh: "请先改正以下问题再插入:", en: "Correct these before inserting:" },
  insert: { zh: "插入", en: "Insert" },
  inserting: { zh: "正在插入…", en: "Inserting…" },
  cancel: { zh: "取消", en: "Cancel" },
} satisfies Catalogue;

const useStyles = makeStyles({
  surface: { maxWidth: "min(560px, calc(100vw - 16px))", boxSizing: "border-box" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, flexBasis: "140px", minWidth: 0 },
  narrow: { flexBasis: "72px", flexGrow: 0, minWidth: "72px", maxWidth: "96px" },
  // Fluent's Input keeps its own intrinsic width; in a flex row of fields it must shrink to its field.
  input: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200, tableLayout: "fixed" },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: "left",
    overflowWrap: "anywhere",
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  findings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface DraftEditorProps {
  host: Host;
  lang: Lang;
  /** The draft as the rule offers it. */
  template: IndicatorTemplate;
  /** The form it goes on (the sheet of the finding that offered it). */
  sheet?: string;
  config?: Config;
  rules?: Rule[];
  onClose(): void;
  onInserted(plan: InsertionPlan, name: string, warning?: Message): void;
}

const INTENT: Record<Finding["severity"], "error" | "warning" | "info"> = { error: "error", warning: "warning", info: "info" };

export function DraftEditor(props: DraftEditorProps): React.JSX.Element {
  const { host, lang, template, sheet, config, rules } = props;
  const s = useStyles();
  // The workbook as it is when the editor opens: every edit is judged against this read.
  const [base, setBase] = React.useState<{ snapshot: WorkbookSnapshot; before: CheckResult } | null>(null);
  const [fields, setFields] = React.useState<DraftFields | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<string | null>(null);

  React.useEffect(() => {
    let alive = true;
    // In the document's queue, like every host call: never in the middle of a live re-check's read and mark.
    queueOf(host)
      .run(() => host.read())
      .then(
        ({ snapshot }) => {
          if (!alive) return;
          const before = checkWorkbook(snapshot, config, rules);
          const form = before.forms.find((f) => f.model.sheet === sheet)?.model ?? before.forms[0]?.model ?? null;
          setBase({ snapshot, before });
          setFields(draftFields(template, defaultValues(form, template)));
        },
        (e: unknown) => alive && setFailure(errorMessage(e)),
      );
    return () => {
      alive = false;
    };
    // One read per draft opened: the editor is re-mounted for another draft.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const form = base ? (base.before.forms.find((f) => f.model.sheet === sheet)?.model ?? base.before.forms[0]?.model) : undefined;
  const twoValues = (form?.indicators?.columns.period ?? null) !== null;
  const values = fields ? draftValues(fields) : null;
  const inserted = values ? { name: values.name, annual: values.annual, ...(twoValues ? { period: values.period } : {}) } : null;
  const verdict: DraftVerdict | null = React.useMemo(
    () => (base && inserted ? checkDraft(base.snapshot, template, inserted, sheet, { config, rules, before: base.before }) : null),
    // The values are strings: the verdict is recomputed only when one of them changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [base, template, sheet, config, rules, inserted?.name, inserted?.period, inserted?.annual],
  );
  const canInsert = !!verdict && verdict.ok && !verdict.blocking && !busy;

  const set = (patch: Partial<Record<string, string>>) => setFields((f) => (f ? ({ ...f, ...patch } as DraftFields) : f));

  const insert = async () => {
    if (!inserted || !canInsert) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = await applyDraft(host, template, inserted, sheet, { config, rules });
      if (r.ok) {
        props.onInserted(r.plan, inserted.name, r.warning);
        props.onClose();
        return;
      }
      setFailure(pick(r.reason, lang));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const where = verdict?.ok
    ? pick(
        TEXT.where,
        lang,
        `${level1Label(verdict.plan.target.placement.level1)} / ${level2Label(verdict.plan.target.placement.level2)}`,
        verdict.plan.target.row + 1,
        verdict.plan.target.mode === "fill",
      )
    : "";

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface className={s.surface} data-testid="draft-editor">
        <DialogBody>
          <DialogTitle>{pick(TEXT.title, lang)}</DialogTitle>
          <DialogContent className={s.content}>
            {!fields ? (
              failure === null ? (
                <Spinner size="tiny" label={pick(TEXT.reading, lang)} />
              ) : null
            ) : (
              <>
                {where && <Caption1 data-testid="draft-where">{where}</Caption1>}
                <Field label={pick(TEXT.name, lang)}>
                  <Input className={s.input} value={fields.name} onChange={(_, d) => set({ name: d.value })} />
                </Field>
                {fields.mode === "number" ? (
                  <div className={s.line}>
                    <Field label={pick(TEXT.operator, lang)} className={s.narrow}>
                      <Select className={s.input} value={fields.operator} onChange={(_, d) => set({ operator: d.value as Operator })}>
                        {OPERATORS.map((op) => (
                          <option key={op} value={op}>
                            {op}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    {twoValues && (
                      <Field label={pick(TEXT.period, lang)} className={s.grow}>
                        <Input
                          className={s.input}
                          inputMode="decimal"
                          value={fields.period}
                          onChange={(_, d) => set({ period: d.value })}
                        />
                      </Field>
                    )}
                    <Field label={pick(twoValues ? TEXT.annual : TEXT.value, lang)} className={s.grow}>
                      <Input className={s.input} inputMode="decimal" value={fields.annual} onChange={(_, d) => set({ annual: d.value })} />
                    </Field>
                    <Field label={pick(TEXT.unit, lang)} className={s.narrow}>
                      <Input className={s.input} value={fields.unit} onChange={(_, d) => set({ unit: d.value })} />
                    </Field>
                  </div>
                ) : (
                  <div className={s.line}>
                    {twoValues && (
                      <Field label={pick(TEXT.period, lang)} className={s.grow}>
                        <Input className={s.input} value={fields.period} onChange={(_, d) => set({ period: d.value })} />
                      </Field>
                    )}
                    <Field label={pick(twoValues ? TEXT.annual : TEXT.value, lang)} className={s.grow}>
                      <Input className={s.input} value={fields.annual} onChange={(_, d) => set({ annual: d.value })} />
                    </Field>
                  </div>
                )}
                {verdict?.ok && (
                  <table className={s.table} aria-label={pick(TEXT.preview, lang)} data-testid="draft-row">
                    <thead>
                      <tr>
                        <th className={`${s.cell} ${s.head}`}>{pick(TEXT.name, lang)}</th>
                        {verdict.row.period !== null && <th className={`${s.cell} ${s.head}`}>{pick(TEXT.period, lang)}</th>}
                        <th className={`${s.cell} ${s.head}`}>{pick(twoValues ? TEXT.annual : TEXT.value, lang)}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <td className={s.cell}>{verdict.row.name}</td>
                        {verdict.row.period !== null && <td className={s.cell}>{verdict.row.period}</td>}
                        <td className={s.cell}>{verdict.row.annual}</td>
                      </tr>
                    </tbody>
                  </table>
                )}
                <div className={s.findings} aria-live="polite" data-testid="draft-verdict">
                  {verdict && !verdict.ok && (
                    <MessageBar intent="error" layout="multiline">
                      <MessageBarBody>{pick(verdict.error, lang)}</MessageBarBody>
                    </MessageBar>
                  )}
                  {verdict?.ok && verdict.findings.length === 0 && (
                    <MessageBar intent="success" layout="multiline">
                      <MessageBarBody>{pick(TEXT.passes, lang)}</MessageBarBody>
                    </MessageBar>
                  )}
                  {verdict?.ok && verdict.blocking && <Caption1>{pick(TEXT.blocked, lang)}</Caption1>}
                  {verdict?.ok &&
                    verdict.findings.map((f, i) => (
                      <MessageBar key={`${f.rule}${i}`} intent={INTENT[f.severity]} layout="multiline" data-rule-id={f.rule}>
                        <MessageBarBody>{pick(f.message, lang)}</MessageBarBody>
                      </MessageBar>
                    ))}
                </div>
              </>
            )}
            {failure !== null && (
              <MessageBar intent="error" layout="multiline" data-testid="draft-failure">
                <MessageBarBody>{failure}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" icon={<Add16Regular />} disabled={!canInsert} onClick={() => void insert()}>
              {busy ? pick(TEXT.inserting, lang) : pick(TEXT.insert, lang)}
            </Button>
            <Button appearance="secondary" onClick={props.onClose}>
              {pick(TEXT.cancel, lang)}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
