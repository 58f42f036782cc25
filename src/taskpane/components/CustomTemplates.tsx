/**
 * 我的模板: save a row of the form as a template, export the custom templates as JSON (a download
 * and a text to copy, since downloads may be blocked inside Office) and import a colleague's file.
 * 保存到工作簿 puts the library into the workbook itself, so whoever receives the file gets it too.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownload16Regular,
  ArrowUpload16Regular,
  DocumentArrowUp16Regular,
  DocumentDismiss16Regular,
  Save16Regular,
} from "@fluentui/react-icons";
import { FormModel, IndicatorRow } from "../../core/form/model";
import { CATALOGUE } from "../../core/templates/catalogue";
import { exportLibrary, parseLibrary, templateFromRow } from "../../core/templates/library";
import { IndicatorTemplate } from "../../core/templates/types";
import { cellText } from "../../core/text";
import { Host, Lang } from "../../hosts/host";
import { templateStrings } from "../templates/strings";
import { mergeById, saveWorkbookTemplates } from "../templates/workbookTemplates";
import { errorMessage } from "../../core/errors";
import { pick } from "../../core/i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalSNudge, minWidth: 0 },
  // A native select is as wide as its longest option (a long indicator name): let it shrink to the pane.
  select: { flexGrow: 1, flexBasis: "160px", minWidth: 0, maxWidth: "100%" },
  selectInput: { width: "100%", minWidth: 0 },
  hidden: { display: "none" },
});

export interface CustomTemplatesProps {
  host: Host;
  lang: Lang;
  form: FormModel | null;
  custom: IndicatorTemplate[];
  /** The library the workbook carries (empty when none). */
  workbook: IndicatorTemplate[];
  persistent: boolean;
  onChange(list: IndicatorTemplate[]): void;
  /** Called with the workbook's library after it was saved or removed. */
  onWorkbookChange(list: IndicatorTemplate[]): void;
}

type Notice = { intent: "success" | "error" | "info"; lines: string[] };

const savable = (r: IndicatorRow) => !r.emptyGroup && r.level1 !== null && r.level2 !== null && cellText(r.name.value).trim() !== "";

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

export function CustomTemplates({
  host,
  lang,
  form,
  custom,
  workbook,
  persistent,
  onChange,
  onWorkbookChange,
}: CustomTemplatesProps): React.JSX.Element {
  const s = useStyles();
  const text = templateStrings(lang);
  const rows = (form?.indicators?.rows ?? []).filter(savable);
  const [rowPick, setRowPick] = React.useState("");
  const [exported, setExported] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [writing, setWriting] = React.useState(false);
  const file = React.useRef<HTMLInputElement>(null);
  // What the tab lists as custom: the workbook's library with the user's own on top.
  const library = mergeById(workbook, custom);

  const writeWorkbook = async (list: IndicatorTemplate[], done: string, failed: string) => {
    setWriting(true);
    try {
      await saveWorkbookTemplates(host, list);
      onWorkbookChange(list);
      setNotice({ intent: "success", lines: [done] });
    } catch (e) {
      setNotice({ intent: "error", lines: [failed, errorMessage(e)] });
    } finally {
      setWriting(false);
    }
  };

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
      [...CATALOGUE, ...library].map((t) => t.id),
    );
    if (!r.ok) {
      setNotice({ intent: "error", lines: r.errors.map((e) => pick(e, lang)) });
      return;
    }
    const t = r.library.templates[0];
    onChange([...custom, t]);
    setNotice({ intent: "success", lines: [text.saved(t.name)] });
  };

  const exportAll = () => {
    const json = exportLibrary(library);
    setExported(json);
    download(text.exportFileName, json);
    setNotice({ intent: "info", lines: [text.exported] });
  };

  const importFile = async (f: File) => {
    let content: string;
    try {
      content = await readText(f);
    } catch (e) {
      setNotice({ intent: "error", lines: [text.importFailed, errorMessage(e)] });
      return;
    }
    const lib = parseLibrary(content);
    if (!lib.ok) {
      setNotice({ intent: "error", lines: [text.importFailed, ...lib.errors.map((e) => pick(e, lang))] });
      return;
    }
    onChange(mergeById(custom, lib.library.templates));
    setNotice({ intent: "success", lines: [text.imported(lib.library.templates.length)] });
  };

  return (
    <section className={s.root} aria-label={text.customTitle}>
      <Subtitle2>{text.customTitle}</Subtitle2>
      {!persistent && <Caption1>{text.storageOff}</Caption1>}
      {library.length === 0 && <Caption1>{text.noCustom}</Caption1>}
      {workbook.length > 0 && <Caption1>{text.workbookHas(workbook.length)}</Caption1>}
      {rows.length === 0 ? (
        <Caption1>{text.noRows}</Caption1>
      ) : (
        <div className={s.row}>
          <Field label={text.saveRow} className={s.select}>
            <Select className={s.selectInput} value={rowPick} onChange={(_, d) => setRowPick(d.value)}>
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
        <Button icon={<ArrowDownload16Regular />} disabled={library.length === 0} onClick={exportAll}>
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
      <div className={s.row}>
        <Button
          icon={<DocumentArrowUp16Regular />}
          disabled={library.length === 0}
          disabledFocusable={writing}
          onClick={() => void writeWorkbook(library, text.savedToWorkbook(library.length), text.saveToWorkbookFailed)}
        >
          {writing ? text.savingToWorkbook : text.saveToWorkbook}
        </Button>
        {workbook.length > 0 && (
          <Button
            icon={<DocumentDismiss16Regular />}
            disabledFocusable={writing}
            onClick={() => void writeWorkbook([], text.removedFromWorkbook(workbook.length), text.removeFromWorkbookFailed)}
          >
            {text.removeFromWorkbook}
          </Button>
        )}
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
