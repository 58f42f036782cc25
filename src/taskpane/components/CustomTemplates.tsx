/**
 * 我的模板: save a row of the form as a template, export the custom templates as JSON (a download
 * and a text to copy, since downloads may be blocked inside Office) and import a colleague's file.
 */
import * as React from "react";
import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, Subtitle2, Textarea, makeStyles } from "@fluentui/react-components";
import { ArrowDownload16Regular, ArrowUpload16Regular, Save16Regular } from "@fluentui/react-icons";
import { FormModel, IndicatorRow } from "../../core/form/model";
import { CATALOGUE } from "../../core/templates/catalogue";
import { exportLibrary, parseLibrary, templateFromRow } from "../../core/templates/library";
import { IndicatorTemplate } from "../../core/templates/types";
import { cellText } from "../../core/text";
import { Lang } from "../../hosts/host";
import { templateStrings } from "../templates/strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "8px", minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: "6px", minWidth: 0 },
  select: { flexGrow: 1, minWidth: "160px" },
  hidden: { display: "none" },
});

export interface CustomTemplatesProps {
  lang: Lang;
  form: FormModel | null;
  custom: IndicatorTemplate[];
  persistent: boolean;
  onChange(list: IndicatorTemplate[]): void;
}

type Notice = { intent: "success" | "error" | "info"; lines: string[] };

const savable = (r: IndicatorRow) => !r.emptyGroup && r.level1 !== null && r.level2 !== null && cellText(r.name.value).trim() !== "";

/** Later entries replace earlier ones with the same id, so re-importing an edited file updates it. */
function mergeById(a: IndicatorTemplate[], b: IndicatorTemplate[]): IndicatorTemplate[] {
  const map = new Map(a.map((t) => [t.id, t]));
  for (const t of b) map.set(t.id, t);
  return [...map.values()];
}

/** FileReader rather than File.text(): older Office web views lack the latter. */
function readText(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ""));
    r.onerror = () => reject(r.error ?? new Error("read failed"));
    r.readAsText(f, "utf-8");
  });
}

function download(name: string, text: string): void {
  // jsdom and some Office hosts lack object URLs; the text area below is the fallback.
  if (typeof URL === "undefined" || typeof URL.createObjectURL !== "function") return;
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function CustomTemplates({ lang, form, custom, persistent, onChange }: CustomTemplatesProps): React.JSX.Element {
  const s = useStyles();
  const text = templateStrings(lang);
  const rows = (form?.indicators?.rows ?? []).filter(savable);
  const [rowPick, setRowPick] = React.useState("");
  const [exported, setExported] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const file = React.useRef<HTMLInputElement>(null);

  const saveRow = () => {
    const row = rows.find((r) => String(r.row) === rowPick);
    if (!row) return;
    const r = templateFromRow(
      {
        name: cellText(row.name.value).trim(),
        period: row.period ? cellText(row.period.value).trim() : null,
        annual: cellText(row.annual.value).trim(),
        level1: row.level1!,
        level2: row.level2!,
      },
      [...CATALOGUE, ...custom].map((t) => t.id),
    );
    if (!r.ok) {
      setNotice({ intent: "error", lines: r.errors.map((e) => e[lang]) });
      return;
    }
    const t = r.library.templates[0];
    onChange([...custom, t]);
    setNotice({ intent: "success", lines: [text.saved(t.name)] });
  };

  const exportAll = () => {
    const json = exportLibrary(custom);
    setExported(json);
    download("绩效指标模板.json", json);
    setNotice({ intent: "info", lines: [text.exported] });
  };

  const importFile = async (f: File) => {
    let content: string;
    try {
      content = await readText(f);
    } catch (e) {
      setNotice({ intent: "error", lines: [text.importFailed, e instanceof Error ? e.message : String(e)] });
      return;
    }
    const lib = parseLibrary(content);
    if (!lib.ok) {
      setNotice({ intent: "error", lines: [text.importFailed, ...lib.errors.map((e) => e[lang])] });
      return;
    }
    onChange(mergeById(custom, lib.library.templates));
    setNotice({ intent: "success", lines: [text.imported(lib.library.templates.length)] });
  };

  return (
    <section className={s.root} aria-label={text.customTitle}>
      <Subtitle2>{text.customTitle}</Subtitle2>
      {!persistent && <Caption1>{text.storageOff}</Caption1>}
      {custom.length === 0 && <Caption1>{text.noCustom}</Caption1>}
      {rows.length === 0 ? (
        <Caption1>{text.noRows}</Caption1>
      ) : (
        <div className={s.row}>
          <Field label={text.saveRow} className={s.select}>
            <Select value={rowPick} onChange={(_, d) => setRowPick(d.value)}>
              <option value="">{text.pickRow}</option>
              {rows.map((r) => (
                <option key={r.row} value={String(r.row)}>
                  {`${r.row + 1} · ${cellText(r.name.value)}`}
                </option>
              ))}
            </Select>
          </Field>
          <Button icon={<Save16Regular />} disabled={rowPick === ""} onClick={saveRow}>
            {text.saveAsTemplate}
          </Button>
        </div>
      )}
      <div className={s.row}>
        <Button icon={<ArrowDownload16Regular />} disabled={custom.length === 0} onClick={exportAll}>
          {text.exportJson}
        </Button>
        <Button icon={<ArrowUpload16Regular />} onClick={() => file.current?.click()}>
          {text.importJson}
        </Button>
        <input
          ref={file}
          className={s.hidden}
          type="file"
          accept=".json,application/json"
          data-testid="template-import"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (f) void importFile(f);
          }}
        />
      </div>
      {notice && (
        <MessageBar intent={notice.intent} data-testid="custom-notice">
          <MessageBarBody>
            {notice.lines.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {exported !== null && (
        <Field label={text.libraryLabel}>
          <Textarea readOnly value={exported} resize="vertical" rows={6} />
        </Field>
      )}
    </section>
  );
}
