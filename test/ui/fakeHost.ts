/** A Host over an in-memory snapshot that records every call, for UI tests without Office. */
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { EditPlan } from "../../src/core/plan/editPlan";
import { applyEdit, EditPrimitives, toApplyResult } from "../../src/app/apply";
import { runStep } from "../../src/core/plan/steps";
import { UndoStep, deleteSnapshotRows } from "../../src/core/plan/undo";
import { parseRange, rangeToA1 } from "../../src/core/a1";
import { Finding, Message } from "../../src/core/rules/types";
import { ApplyResult, CellRef, DEFAULT_SETTINGS, Host, Lang, MarkOutcome, ReadResult, WorkbookState } from "../../src/hosts/host";
import { marksByCell } from "../../src/core/marks";
import { setCell } from "../helpers/forms";

export class FakeHost implements Host {
  readonly kind = "file" as const;
  snapshot: WorkbookSnapshot;
  state: WorkbookState;
  readonly calls = {
    read: 0,
    mark: [] as Finding[][],
    clearMarks: 0,
    goTo: [] as CellRef[],
    apply: [] as EditPlan[],
    saveState: [] as WorkbookState[],
    writeReport: [] as { findings: Finding[]; lang: Lang }[],
  };
  /** The n-th step of the next apply fails (1 = the first); null = never. */
  failAtStep: number | null = null;
  /** Steps run by apply() so far (what failAtStep counts). */
  stepsRun = 0;
  /** When set, apply() refuses with this reason. */
  refuse: Message | null = null;
  /** What read() says it skipped (as the Excel host does for a sheet too large to read). */
  readWarnings: Message[] = [];
  /** What mark() says it could not colour (as the Excel host does for a protected sheet). */
  markWarnings: Message[] = [];
  private listeners = new Set<() => void>();

  constructor(snapshot: WorkbookSnapshot, state?: Partial<WorkbookState>) {
    this.snapshot = snapshot;
    this.state = { ignored: [], settings: { ...DEFAULT_SETTINGS }, ...state };
  }

  async read(): Promise<ReadResult> {
    this.calls.read++;
    return { snapshot: JSON.parse(JSON.stringify(this.snapshot)) as WorkbookSnapshot, warnings: this.readWarnings.slice() };
  }
  /** Counts cells as the real hosts do: one per distinct cell, however many findings point at it. */
  async mark(findings: Finding[]): Promise<MarkOutcome> {
    this.calls.mark.push(findings);
    return { marked: marksByCell(findings).length, warnings: this.markWarnings.slice() };
  }
  async clearMarks(): Promise<void> {
    this.calls.clearMarks++;
  }
  async goTo(cell: CellRef): Promise<void> {
    this.calls.goTo.push(cell);
  }
  /** Applies the plan through the one transaction (src/app/apply.ts), its steps run on the snapshot. */
  async apply(plan: EditPlan): Promise<ApplyResult> {
    this.calls.apply.push(plan);
    if (this.refuse) return { ok: false, reason: this.refuse };
    return toApplyResult(await applyEdit(this.primitives(), plan, this.state.settings.config));
  }

  /**
   * The transaction's primitives on the snapshot: each compiled step is the core's own runStep, and
   * the undo is executed step by step as a host would (rows deleted, merges and cells put back).
   */
  private primitives(): EditPrimitives {
    const only = (names: string[]): WorkbookSnapshot => ({
      ...this.snapshot,
      sheets: this.snapshot.sheets.filter((s) => names.includes(s.name)),
    });
    const put = (sheet: SheetSnapshot) => {
      this.snapshot = { ...this.snapshot, sheets: this.snapshot.sheets.map((s) => (s.name === sheet.name ? sheet : s)) };
    };
    const sheet = (name: string) => this.snapshot.sheets.find((s) => s.name === name)!;
    return {
      readForEdit: async (names) =>
        names.every((n) => this.snapshot.sheets.some((s) => s.name === n)) ? { before: only(names) } : { refused: "missing" },
      runSteps: async (_before, steps) => {
        let ran = 0;
        for (const s of steps) {
          if (this.failAtStep !== null && --this.failAtStep <= 0) {
            this.failAtStep = null;
            return { error: new Error(`injected fault at step ${ran + 1} (${s.op})`), ran };
          }
          put(runStep(sheet(s.sheet), s));
          ran++;
          this.stepsRun++;
        }
        return { ran };
      },
      reread: async (names) => JSON.parse(JSON.stringify(only(names))) as WorkbookSnapshot,
      runUndo: async (undo) => {
        for (const u of undo) put(undoStep(sheet(u.sheet), u));
      },
    };
  }
  async loadState(): Promise<WorkbookState> {
    return JSON.parse(JSON.stringify(this.state)) as WorkbookState;
  }
  async saveState(state: WorkbookState): Promise<void> {
    this.state = JSON.parse(JSON.stringify(state)) as WorkbookState;
    this.calls.saveState.push(this.state);
  }
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** Simulates the user editing the workbook. */
  edit(sheet: string, a1: string, value: CellValue): void {
    this.snapshot = { ...this.snapshot, sheets: this.snapshot.sheets.map((s) => (s.name === sheet ? setCell(s, a1, value) : s)) };
    for (const l of this.listeners) l();
  }
  get listenerCount(): number {
    return this.listeners.size;
  }
}

/** A host with writeReport, to check the pane offers the 校验报告 button only when it can. */
export class ReportingFakeHost extends FakeHost {
  async writeReport(findings: Finding[], lang: Lang): Promise<void> {
    this.calls.writeReport.push({ findings, lang });
  }
}

/** One undo step on a snapshot, as a host executes it. */
export function undoStep(sheet: SheetSnapshot, u: UndoStep): SheetSnapshot {
  const key = (m: string) => rangeToA1(parseRange(m));
  switch (u.op) {
    case "deleteRows":
      return deleteSnapshotRows(sheet, u.at, u.count);
    case "unmerge":
      return { ...sheet, merges: sheet.merges.filter((m) => key(m) !== rangeToA1(u.range)) };
    case "merge":
      return { ...sheet, merges: [...sheet.merges, rangeToA1(u.range)] };
    case "restore": {
      const r = u.row - sheet.originRow;
      const c = u.col - sheet.originCol;
      if (r < 0 || c < 0) return sheet; // outside what the fake holds: the proving read will say so
      const grid = <T>(rows: T[][] | undefined, v: T, empty: T): T[][] => {
        const out = (rows ?? []).map((x) => x.slice());
        while (out.length <= r) out.push([]);
        while (out[r].length <= c) out[r].push(empty);
        out[r][c] = v;
        return out;
      };
      const values = grid<CellValue>(sheet.values, u.value, null);
      const formulas = sheet.formulas || u.formula ? grid<string | null>(sheet.formulas, u.formula ?? null, null) : sheet.formulas;
      return { ...sheet, values, formulas };
    }
  }
}
