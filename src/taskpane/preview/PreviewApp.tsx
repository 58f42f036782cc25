/**
 * The browser preview: a toolbar (open, download), the sheet drawn as a grid on the left and the
 * very same task pane on the right, running on the .xlsx file host. exceljs arrives with the file
 * host in its own chunk, after the page is on screen.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  FluentProvider,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Theme,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import type { FileHost, FileHostEvent, Loss, LossRefused } from "../../hosts/file";
import { CellRef } from "../../core/a1";
import { CellMark } from "../../core/marks";
import { Message } from "../../core/rules/types";
import { WorkbookSnapshot } from "../../core/snapshot";
import { Lang } from "../../hosts/host";
import { App } from "../components/App";
import { pick, strings } from "../i18n";
import { SheetGrid } from "./SheetGrid";
import { loadLang, saveLang } from "../state/langStore";
import { GRID_LIMITS, anchorOf } from "./gridModel";
import { errorMessage } from "../../core/errors";
import { queueOf } from "../../app/queue";

const useStyles = makeStyles({
  root: {
    height: "100vh",
    display: "flex",
    flexDirection: "row",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    // Narrow (a phone, a 350 px window): the sheet above the pane, each scrolling on its own, so
    // the grid stays on screen while the list is scrolled and a clicked finding's cell is always
    // in view (a page that scrolled as one left the grid above the top of the window).
    "@media (max-width: 759px)": { flexDirection: "column" },
  },
  sheetSide: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    "@media (max-width: 759px)": { flexGrow: 0, flexShrink: 0, height: "50vh", minHeight: "240px" },
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { marginRight: tokens.spacingHorizontalS },
  file: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  spacer: { flexGrow: 1 },
  notes: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalM} 0 ${tokens.spacingHorizontalM}`,
  },
  empty: {
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingHorizontalM,
    alignItems: "flex-start",
  },
  sheetTabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: `0 ${tokens.spacingHorizontalS}`, overflowX: "auto" },
  pane: {
    width: "350px",
    flexShrink: 0,
    overflowY: "auto",
    overflowX: "hidden",
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    "@media (max-width: 759px)": {
      width: "auto",
      maxWidth: "100%",
      flexGrow: 1,
      flexShrink: 1,
      minHeight: 0,
      borderLeft: "none",
      borderTop: `2px solid ${tokens.colorNeutralStroke1}`,
    },
  },
  drop: {
    outline: `${tokens.strokeWidthThicker} dashed ${tokens.colorBrandStroke1}`,
    outlineOffset: `calc(-1 * ${tokens.spacingHorizontalSNudge})`,
  },
  hiddenInput: { display: "none" },
});

interface SheetLook {
  widths: (number | undefined)[];
  decimals: Record<string, number>;
}

type Loaded = { host: FileHost; snapshot: WorkbookSnapshot; id: number; look: Record<string, SheetLook> };

function openFailure(e: unknown, lang: Lang): string {
  const reason = (e as { reason?: Message }).reason;
  if (reason && typeof reason.zh === "string") return pick(reason, lang);
  return strings(lang).openFailed(errorMessage(e));
}

/**
 * Column widths (Excel's character units → px) and number-format decimals from the workbook, so
 * the grid looks like the sheet: 326.6 formatted "0.00" shows as 326.60.
 */
function sheetLooks(host: FileHost): Record<string, SheetLook> {
  const out: Record<string, SheetLook> = {};
  for (const ws of host.excelWorkbook.worksheets) {
    const widths: (number | undefined)[] = [];
    const n = Math.min(ws.columnCount, GRID_LIMITS.cols);
    for (let c = 1; c <= n; c++) {
      const w = ws.getColumn(c).width;
      widths.push(typeof w === "number" && w > 0 ? Math.round(w * 7 + 5) : undefined);
    }
    const decimals: Record<string, number> = {};
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r > GRID_LIMITS.rows) return;
      row.eachCell({ includeEmpty: false }, (cell) => {
        const m = typeof cell.value === "number" ? /^[#,0]*0\.(0+)(?![^;]*%)/.exec(cell.numFmt ?? "") : null;
        if (m) decimals[cell.address] = m[1].length;
      });
    });
    out[ws.name] = { widths, decimals };
  }
  return out;
}

async function openHost(data: ArrayBuffer, name: string): Promise<FileHost> {
  const { FileHost } = await import(/* webpackChunkName: "filehost" */ "../../hosts/file");
  return FileHost.fromData(data, name);
}

function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface PreviewAppProps {
  theme: Theme;
  /** Where the bundled example lives (same origin). */
  exampleUrl?: string;
}

export function PreviewApp({ theme, exampleUrl = "./seed-form.xlsx" }: PreviewAppProps): React.JSX.Element {
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(() => loadLang() ?? "zh");
  const onLangChange = React.useCallback((l: Lang) => {
    setLang(l);
    saveLang(l);
  }, []);
  const t = strings(lang);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [busy, setBusy] = React.useState<string | null>(t.loadingExample);
  const [error, setError] = React.useState<string | null>(null);
  /** A download refused because a rewrite would lose what the file holds: shown until the user decides. */
  const [loss, setLoss] = React.useState<Loss | null>(null);
  const [marks, setMarks] = React.useState<CellMark[]>([]);
  const [selection, setSelection] = React.useState<CellRef | null>(null);
  const [activeSheet, setActiveSheet] = React.useState<string>("");
  const [annotated, setAnnotated] = React.useState(false);
  const [dragging, setDragging] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const marksOffId = useId("marks-off");
  const seq = React.useRef(0);

  const adopt = React.useCallback(async (host: FileHost) => {
    // Through the document's queue (src/app/queue.ts), as every other call into it.
    const { snapshot } = await queueOf(host).run(() => host.read());
    seq.current++;
    setLoaded({ host, snapshot, id: seq.current, look: sheetLooks(host) });
    setMarks([]);
    setSelection(null);
    setActiveSheet(snapshot.sheets[0]?.name ?? "");
    setError(null);
    setLoss(null);
  }, []);

  const openData = React.useCallback(
    async (data: ArrayBuffer, name: string) => {
      setBusy(name);
      try {
        await adopt(await openHost(data, name));
      } catch (e) {
        setError(openFailure(e, lang));
      } finally {
        setBusy(null);
      }
    },
    [adopt, lang],
  );

  // The bundled example opens by default.
  React.useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const res = await fetch(exampleUrl);
        if (!res.ok) throw new Error(String(res.status));
        const data = await res.arrayBuffer();
        if (cancelled) return;
        const name = decodeURIComponent(exampleUrl.split("/").pop() || "seed-form.xlsx");
        await adopt(await openHost(data, name));
      } catch (e) {
        if (!cancelled) setError((e as { reason?: Message }).reason ? openFailure(e, "zh") : strings("zh").exampleMissing);
      } finally {
        if (!cancelled) setBusy(null);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [exampleUrl, adopt]);

  // Marks, selection and edits announced by the file host.
  React.useEffect(() => {
    if (!loaded) return undefined;
    const { host } = loaded;
    return host.subscribe((e: FileHostEvent) => {
      if (e.type === "marks") setMarks(e.marks);
      else if (e.type === "selection") {
        setSelection({ sheet: e.sheet, row: e.row, col: e.col });
        setActiveSheet(e.sheet);
      } else {
        void queueOf(host)
          .run(() => host.read())
          .then(({ snapshot }) => setLoaded((l) => (l && l.host === host ? { ...l, snapshot, look: sheetLooks(host) } : l)));
      }
    });
  }, [loaded?.host]); // eslint-disable-line react-hooks/exhaustive-deps

  const openFile = (file: File | undefined | null): void => {
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) {
      setError(t.notXlsx);
      return;
    }
    void file.arrayBuffer().then((buf) => openData(buf, file.name));
  };

  const sheet = loaded?.snapshot.sheets.find((x) => x.name === activeSheet) ?? loaded?.snapshot.sheets[0];
  const sheetMarks = React.useMemo(() => {
    const m = new Map<string, CellMark>();
    if (!sheet) return m;
    for (const mark of marks)
      if (mark.sheet === sheet.name || (mark.sheet === "" && sheet === loaded?.snapshot.sheets[0])) m.set(anchorOf(sheet, mark), mark);
    return m;
  }, [marks, sheet, loaded]);
  const selected = sheet && selection && selection.sheet === sheet.name ? anchorOf(sheet, selection) : null;

  const onDownload = async (allowLoss = false): Promise<void> => {
    if (!loaded) return;
    setLoss(null);
    try {
      const bytes = await loaded.host.toBuffer({ ...(annotated && marks.length > 0 ? { annotate: lang } : {}), allowLoss });
      const base = loaded.host.source.replace(/\.xlsx$/i, "");
      // Never the original's own name: a downloaded copy must not be mistaken for the file it came from.
      download(bytes, `${base}-${annotated && marks.length > 0 ? t.suffixMarked : t.suffixEdited}.xlsx`);
    } catch (e) {
      // The file host's chunk is loaded lazily: its error class is told by name.
      if (e instanceof Error && e.name === "LossRefused") setLoss((e as LossRefused).loss);
      else setError(openFailure(e, lang));
    }
  };

  return (
    <FluentProvider theme={theme}>
      <div
        className={`${s.root} ${dragging ? s.drop : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          openFile(e.dataTransfer.files?.[0]);
        }}
        data-testid="preview"
      >
        <main className={s.sheetSide}>
          <div className={s.toolbar} role="toolbar" aria-label={t.previewTitle}>
            <Subtitle2 as="h1" className={s.title}>
              {t.previewTitle}
            </Subtitle2>
            <Caption1 className={s.file} data-testid="file-name">
              {loaded?.host.source ?? ""}
            </Caption1>
            <span className={s.spacer} />
            <input
              ref={fileInput}
              className={s.hiddenInput}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="file-input"
              onChange={(e) => {
                openFile(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
            <Button icon={<FolderOpen20Regular />} onClick={() => fileInput.current?.click()}>
              {t.openFile}
            </Button>
            <Button icon={<ArrowDownload20Regular />} disabled={!loaded} onClick={() => void onDownload()}>
              {t.download}
            </Button>
            <Checkbox
              label={t.withMarks}
              checked={annotated && marks.length > 0}
              disabled={marks.length === 0}
              aria-describedby={marks.length === 0 ? marksOffId : undefined}
              onChange={(_, d) => setAnnotated(!!d.checked)}
            />
          </div>
          <div className={s.notes}>
            <Caption1>
              {t.previewNote} {t.dropHint}
            </Caption1>
            {marks.length === 0 && loaded && (
              <Caption1 id={marksOffId} data-testid="marks-off">
                {t.withMarksOff}
              </Caption1>
            )}
            {error && (
              <MessageBar intent="error" layout="multiline" data-testid="preview-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {/* A download that patches the opened file loses nothing: its warnings would not be true. */}
            {(loaded && !loaded.host.keepsEverything ? loaded.host.warnings : []).map((w) => (
              <MessageBar key={w.kind} intent="warning" layout="multiline">
                <MessageBarBody>{pick(w.message, lang)}</MessageBarBody>
              </MessageBar>
            ))}
          </div>
          {busy && (
            <div className={s.empty}>
              <Spinner size="small" label={busy} />
            </div>
          )}
          {!busy && !loaded && (
            <div className={s.empty}>
              <Body1>{t.dropHint}</Body1>
            </div>
          )}
          {sheet && (
            <SheetGrid
              sheet={sheet}
              marks={sheetMarks}
              selected={selected}
              widths={loaded?.look[sheet.name]?.widths}
              decimals={loaded?.look[sheet.name]?.decimals}
              lang={lang}
              onSelect={(cell) => void loaded?.host.goTo({ sheet: sheet.name, ...cell })}
            />
          )}
          {loaded && loaded.snapshot.sheets.length > 1 && (
            <TabList
              className={s.sheetTabs}
              size="small"
              aria-label={t.sheetTabs}
              selectedValue={sheet?.name}
              onTabSelect={(_, d) => setActiveSheet(String(d.value))}
            >
              {loaded.snapshot.sheets.map((x) => (
                <Tab key={x.name} value={x.name}>
                  {x.name}
                </Tab>
              ))}
            </TabList>
          )}
        </main>
        <aside className={s.pane} data-testid="pane" aria-label={t.appTitle}>
          {loaded && (
            <App key={loaded.id} host={loaded.host} theme={theme} onLangChange={onLangChange} defaultLang={lang} markOnOpen embedded />
          )}
        </aside>
      </div>
      {/* A choice about the user's content, at any width: a modal confirmation, as Fluent's Dialog is meant for. */}
      <Dialog open={loss !== null} onOpenChange={(_, d) => !d.open && setLoss(null)}>
        <DialogSurface data-testid="download-loss">
          <DialogBody>
            <DialogTitle>{t.lossTitle}</DialogTitle>
            <DialogContent>
              {loss && (
                <>
                  <Body1>{pick(loss.head, lang)}</Body1>
                  <ul>
                    {loss.lost.map((m) => (
                      <li key={m.en}>
                        <Body1>{pick(m, lang)}</Body1>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void onDownload(true)}>
                {t.downloadAnyway}
              </Button>
              <Button onClick={() => setLoss(null)}>{t.keepOriginal}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </FluentProvider>
  );
}
