/** A Host over an in-memory snapshot that records every call, for UI tests without Office. */
import { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { EditPlan } from "../../src/core/plan/editPlan";
import { applyToWorkbook } from "../../src/core/plan/applyToSnapshot";
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
  /** Applies the plan with the core's one edit engine (compiled steps run on the snapshot), as every host does. */
  async apply(plan: EditPlan): Promise<ApplyResult> {
    this.calls.apply.push(plan);
    if (this.refuse) return { ok: false, reason: this.refuse };
    const r = applyToWorkbook(this.snapshot, plan);
    if (!r.ok) return r;
    this.snapshot = r.value;
    return { ok: true };
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
