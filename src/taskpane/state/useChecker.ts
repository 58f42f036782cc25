/**
 * The pane's state machine: load the saved state, check, mark, fix, ignore, save settings. Every
 * call to the host goes through one queue so a live re-check never interleaves with a fix.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CellRef, formatRef } from "../../core/a1";
import { resolveSetting } from "../../core/config";
import { fixAll as runFixAll } from "../../app/fixAll";
import { queueOf } from "../../app/queue";
import type { validate as Validate } from "../../app/validate";
import { CheckResult } from "../../core/engine";
import { whatWasRead } from "../../core/form/whatWasRead";
import { loadEngine, loadedEngine } from "./engine";
import { isSafePlan } from "../../core/plan/editPlan";
import { Finding, Message, Rule, Suggestion } from "../../core/rules/types";
import { DEFAULT_SETTINGS, Host, HostBusyError, Settings, WorkbookState, ignoreKey } from "../../hosts/host";
import { strings } from "../i18n";
import { errorMessage } from "../../core/errors";
import { PUNCTUATION, pick as pickMessage } from "../../core/i18n";

export type Notice = { intent: "success" | "error" | "info" | "warning"; title: string; body?: string };

export interface CheckerView {
  phase: "loading" | "ready" | "failed";
  settings: Settings;
  ignored: string[];
  result: CheckResult | null;
  /** Findings not ignored, in engine order. */
  visible: Finding[];
  /** Ignored findings that are still present. */
  hidden: Finding[];
  /** Rules that ran and reported nothing visible. */
  passed: number;
  busy: boolean;
  /** Cells currently marked by this pane (0 when marks are off). */
  marked: number;
  /** Completed checks, so tests and the benchmark can wait for the next one. */
  seq: number;
  loadError: string | null;
  /** What the host could not do on the last check (a sheet too large to read, a protected sheet left unmarked). */
  hostWarnings: Message[];
}

export interface CheckerActions {
  /**
   * Re-reads and checks; `mark: true` colours the cells, omitted keeps the current marks state.
   * `ribbon: true` is the ribbon's 一键校验 served by the pane (WPS): the app's one ribbon check.
   */
  check(opts?: { mark?: boolean; ribbon?: boolean }): Promise<void>;
  clearMarks(): Promise<void>;
  goTo(cell: CellRef): Promise<void>;
  fix(f: Finding): Promise<void>;
  /** A suggestion the user picked from a finding's 建议 menu (never applied by 修复全部). */
  suggest(f: Finding, s: Suggestion): Promise<void>;
  /** 修复全部: applies every safe fix, one at a time on a fresh check, then says what was done and refused. */
  fixAll(): Promise<void>;
  ignore(f: Finding): Promise<void>;
  unignore(f: Finding): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  writeReport?(): Promise<void>;
}

export interface CheckerOptions {
  rules?: Rule[];
  /** Toasts: the messages are already in the user's language. */
  notify?(n: Notice): void;
  /**
   * Colour the cells on the first automatic check too. The preview wants it (nothing to lose there);
   * Excel's pane does not, since marking writes conditional formats, which clears Excel's undo history.
   */
  markOnOpen?: boolean;
  /**
   * The user's own language choice, over the one the workbook carries (the preview: its example is
   * opened afresh on every load, and a workbook with no saved state reads as the default, zh).
   */
  defaultLang?: Settings["lang"];
}

/** A fix that inserts no rows (values guarded by their expected values, merges moved with their cells). */
export function isSafeFix(f: Finding): boolean {
  return !!f.fix && isSafePlan(f.fix);
}

/** The app's one check flow, from the engine's chunk (the first check fetches it). */
const validate: typeof Validate = async (...args) => (await loadEngine()).validate(...args);

function normaliseState(s: Partial<WorkbookState> | null | undefined, lang?: Settings["lang"]): WorkbookState {
  const settings = { ...DEFAULT_SETTINGS, ...(s?.settings ?? {}), ...(lang ? { lang } : {}) };
  return { ignored: Array.isArray(s?.ignored) ? s!.ignored.filter((k) => typeof k === "string") : [], settings };
}

/**
 * The 指标模板 tab owns the workbook's template library and saves it on its own; keep what the workbook
 * holds now, so saving settings or an ignored finding never brings back or drops that library.
 */
async function withStoredTemplates(host: Host, next: WorkbookState): Promise<WorkbookState> {
  let stored: WorkbookState["templates"];
  try {
    stored = (await host.loadState())?.templates;
  } catch {
    stored = next.templates;
  }
  const { templates: _stale, ...rest } = next;
  return stored ? { ...rest, templates: stored } : rest;
}

function visibleOf(r: CheckResult | null, ignored: string[]): Finding[] {
  return r ? r.findings.filter((f) => !ignored.includes(ignoreKey(f))) : [];
}

export function useChecker(host: Host, opts: CheckerOptions = {}): [CheckerView, CheckerActions] {
  // undefined: the catalogue, which validate() defaults to.
  const rules = opts.rules;
  const [phase, setPhase] = useState<CheckerView["phase"]>("loading");
  const [state, setState] = useState<WorkbookState>(() => normaliseState(null, opts.defaultLang));
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [marked, setMarked] = useState(0);
  const [seq, setSeq] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [hostWarnings, setHostWarnings] = useState<Message[]>([]);

  // Async steps read the latest values through refs, not through stale closures.
  const stateRef = useRef(state);
  const resultRef = useRef<CheckResult | null>(null);
  const markedRef = useRef(marked);
  const alive = useRef(true);
  const optsRef = useRef(opts);
  optsRef.current = opts;
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const notify = useCallback((n: Notice) => optsRef.current.notify?.(n), []);
  const texts = useCallback(() => strings(stateRef.current.settings.lang), []);

  /** Runs host work one step at a time; errors become a toast rather than an unhandled rejection. */
  const enqueue = useCallback(
    <T>(step: () => Promise<T>): Promise<T | undefined> => {
      // The document's one queue (src/app/queue.ts), shared with template insertion and the ribbon.
      return queueOf(host).run(async () => {
        if (!alive.current) return undefined;
        setBusy(true);
        try {
          return await step();
        } catch (e) {
          if (alive.current) notify({ intent: "error", title: texts().actionFailed, body: errorMessage(e) });
          return undefined;
        } finally {
          if (alive.current) setBusy(false);
        }
      });
    },
    [host, notify, texts],
  );

  /** The body of a check, to be called inside the queue: the app's one flow, with the pane's state. */
  const runCheck = useCallback(
    async (mark: boolean, ribbon = false) => {
      let r;
      try {
        if (ribbon) {
          const done = await (await loadEngine()).ribbonCheck(host, { state: stateRef.current, rules, fixes: true });
          if (!done.result) throw done.failure;
          r = done.result;
        } else r = await validate(host, { state: stateRef.current, mark, rules, fixes: true });
      } catch (e) {
        // The user is typing in a cell: keep what is shown; their next edit checks again.
        if (e instanceof HostBusyError) return;
        setLoadError(errorMessage(e));
        setPhase("failed");
        return;
      }
      if (mark) {
        markedRef.current = r.marked;
        setMarked(r.marked);
      }
      if (!alive.current) return;
      setHostWarnings(r.warnings);
      setLoadError(null);
      // The pane keeps every finding: ignoring and un-ignoring re-filter it without a re-read.
      resultRef.current = r.all;
      setResult(r.all);
      setPhase("ready");
      setSeq((n) => n + 1);
    },
    [host, rules],
  );

  // Not awaited: the Excel host gathers a burst of saves into one (each one clears Excel's undo
  // history), and the pane should not wait for that to re-mark; a failed save still says so.
  const save = useCallback(
    async (next: WorkbookState) => {
      stateRef.current = next;
      setState(next);
      const full = await withStoredTemplates(host, next);
      host.saveState(full).catch((e: unknown) => {
        if (alive.current) notify({ intent: "error", title: texts().actionFailed, body: errorMessage(e) });
      });
    },
    [host, notify, texts],
  );

  // Load saved state, then a first check: the status and the list appear at once; the cells are
  // coloured too when the host allows it (markOnOpen), else only when the user asks.
  useEffect(() => {
    void enqueue(async () => {
      try {
        const loaded = normaliseState(await host.loadState(), optsRef.current.defaultLang);
        stateRef.current = loaded;
        setState(loaded);
      } catch {
        // A workbook without saved state, or an unreadable one: defaults are right.
      }
      // Marks saved in the file (an earlier session, a colleague, the ribbon) are this pane's marks
      // too: kept in step from the first check, not left stale to spread into inserted rows (#21).
      let had = false;
      try {
        had = (await host.hasMarks?.()) === true;
      } catch {
        // Unknown: leave the sheet as it is until the user marks.
      }
      await runCheck(optsRef.current.markOnOpen === true || had);
    });
  }, [host, enqueue, runCheck]);

  // Without an explicit `mark`, a re-check keeps the sheet as it is: re-marked if marks are on, untouched if not.
  const check = useCallback(
    (o?: { mark?: boolean; ribbon?: boolean }) =>
      enqueue(() => runCheck(o?.ribbon ? true : (o?.mark ?? markedRef.current > 0), o?.ribbon)).then(() => undefined),
    [enqueue, runCheck],
  );

  // Live check: re-read after the user edits, keeping marks in step if they are on.
  const live = state.settings.liveCheck;
  useEffect(() => {
    if (!live || !host.onChange) return undefined;
    return host.onChange(() => {
      void enqueue(() => runCheck(markedRef.current > 0));
    });
  }, [host, live, enqueue, runCheck]);

  const clearMarks = useCallback(
    () =>
      enqueue(async () => {
        await host.clearMarks();
        markedRef.current = 0;
        setMarked(0);
        notify({ intent: "info", title: texts().marksCleared });
      }).then(() => undefined),
    [enqueue, host, notify, texts],
  );

  const goTo = useCallback((cell: CellRef) => enqueue(() => host.goTo(cell)).then(() => undefined), [enqueue, host]);

  const fix = useCallback(
    (f: Finding) =>
      enqueue(async () => {
        if (!f.fix) return;
        const lang = stateRef.current.settings.lang;
        const res = await host.apply(f.fix);
        if (!res.ok) {
          notify({ intent: "error", title: texts().fixRefused, body: pickMessage(res.reason, lang) });
          return;
        }
        notify({
          intent: res.warning ? "warning" : "success",
          title: texts().fixApplied(pickMessage(f.fix.title, lang)),
          ...(res.warning ? { body: pickMessage(res.warning, lang) } : {}),
        });
        await runCheck(markedRef.current > 0);
        // Show the cell that changed, so the user sees what the fix did.
        if (f.cells[0]) await host.goTo(f.cells[0]);
      }).then(() => undefined),
    [enqueue, host, notify, texts, runCheck],
  );

  /** A suggestion the user picked: applied like a fix, through the host's one apply and its verification. */
  const suggest = useCallback(
    (f: Finding, s: Suggestion) =>
      enqueue(async () => {
        const lang = stateRef.current.settings.lang;
        const res = await host.apply(s.plan);
        if (!res.ok) {
          notify({ intent: "error", title: texts().fixRefused, body: pickMessage(res.reason, lang) });
          return;
        }
        notify({ intent: "success", title: texts().fixApplied(pickMessage(s.desc, lang)) });
        await runCheck(markedRef.current > 0);
        if (f.cells[0]) await host.goTo(f.cells[0]);
      }).then(() => undefined),
    [enqueue, host, notify, texts, runCheck],
  );

  const fixAll = useCallback(
    () =>
      enqueue(async () => {
        const lang = stateRef.current.settings.lang;
        // The app's one loop (src/app/fixAll.ts), the CLI's fix too: re-checked after every fix, safe
        // fixes only, the workbook's ignored findings left alone, each fix through the host's verified apply.
        const report = await runFixAll(
          {
            check: () => validate(host, { state: stateRef.current, mark: false, rules, fixes: true, includeIgnored: true }),
            apply: (plan) => host.apply(plan),
          },
          { ignored: stateRef.current.ignored },
        );
        const applied = report.applied.length;
        const refused = report.skipped
          .filter((s) => s.why === "refused")
          .map(
            ({ finding, reason }) =>
              `${finding.cells[0] ? formatRef(finding.cells[0]) : ""} ${pickMessage(finding.fix!.title, lang)}:${pickMessage(reason, lang)}`,
          );
        const t = texts();
        notify({
          intent: refused.length ? "info" : "success",
          title: t.fixAllDone(applied, refused.length),
          ...(refused.length ? { body: refused.join(pickMessage(PUNCTUATION.clauses, lang)) } : {}),
        });
        if (applied > 0) await runCheck(markedRef.current > 0);
      }).then(() => undefined),
    [enqueue, host, notify, texts, runCheck, rules],
  );

  const remark = useCallback(
    async (ignored: string[]) => {
      const r = resultRef.current;
      if (markedRef.current === 0 || !r) return;
      // The last check's findings, re-filtered: ignoring one changes no cell, so nothing is re-read.
      const outcome = await host.mark(visibleOf(r, ignored));
      markedRef.current = outcome.marked;
      setMarked(outcome.marked);
    },
    [host],
  );

  const ignore = useCallback(
    (f: Finding) =>
      enqueue(async () => {
        const key = ignoreKey(f);
        const cur = stateRef.current;
        if (cur.ignored.includes(key)) return;
        const ignored = [...cur.ignored, key];
        await save({ ...cur, ignored });
        await remark(ignored);
      }).then(() => undefined),
    [enqueue, save, remark],
  );

  const unignore = useCallback(
    (f: Finding) =>
      enqueue(async () => {
        const key = ignoreKey(f);
        const cur = stateRef.current;
        const ignored = cur.ignored.filter((k) => k !== key);
        await save({ ...cur, ignored });
        await remark(ignored);
      }).then(() => undefined),
    [enqueue, save, remark],
  );

  const updateSettings = useCallback(
    (patch: Partial<Settings>) =>
      enqueue(async () => {
        const cur = stateRef.current;
        let next = patch;
        if (patch.config !== undefined) {
          // The CLI's --config check (src/app/validate.ts): the pane never runs a setting the CLI would refuse.
          const checked = (await loadEngine()).validateSettings(patch.config, rules);
          if (checked.problems.length > 0) {
            const lang = cur.settings.lang;
            notify({
              intent: "warning",
              title: texts().settingsDropped,
              body: checked.problems.map((p) => pickMessage(p, lang)).join(pickMessage(PUNCTUATION.clauses, lang)),
            });
          }
          next = { ...patch, config: checked.config };
        }
        const settings = { ...cur.settings, ...next };
        await save({ ...cur, settings });
        // Options change what the rules report; language and live-check do not need a re-read.
        if (patch.config !== undefined) await runCheck(markedRef.current > 0);
      }).then(() => undefined),
    [enqueue, save, runCheck, rules, notify, texts],
  );

  const writeReport = useMemo(() => {
    if (!host.writeReport) return undefined;
    return () =>
      enqueue(async () => {
        const cur = stateRef.current;
        const r = await validate(host, { state: cur, mark: false, rules, fixes: true });
        // The sheet says what was read of each form (its kind, sheet and table), as the pane's summary does.
        await host.writeReport!(
          r.findings,
          cur.settings.lang,
          r.forms.map((f) => whatWasRead(f.model)),
        );
        notify({ intent: "success", title: texts().reportDone });
      }).then(() => undefined);
  }, [host, enqueue, rules, notify, texts]);

  const visible = visibleOf(result, state.ignored);
  const hidden = result ? result.findings.filter((f) => state.ignored.includes(ignoreKey(f))) : [];
  // Counted once a result is shown, so a check has loaded the catalogue by then.
  const active = (rules ?? loadedEngine()?.RULES ?? []).filter((r) => resolveSetting(state.settings.config, r.meta.id).severity !== "off");
  const failing = new Set(visible.map((f) => f.rule));
  const passed = active.filter((r) => !failing.has(r.meta.id)).length;

  const view: CheckerView = {
    phase,
    settings: state.settings,
    ignored: state.ignored,
    result,
    visible,
    hidden,
    passed,
    busy,
    marked,
    seq,
    loadError,
    hostWarnings,
  };
  const actions: CheckerActions = {
    check,
    clearMarks,
    goTo,
    fix,
    suggest,
    fixAll,
    ignore,
    unignore,
    updateSettings,
    ...(writeReport ? { writeReport } : {}),
  };
  return [view, actions];
}
