/** A Host over an in-memory snapshot that records every call, for UI tests without Office. */
import { cellValue, CellValue, WorkbookSnapshot, isCellError } from "../../src/core/snapshot";
import { EditPlan } from "../../src/core/plan/editPlan";
import { Finding, Message } from "../../src/core/rules/types";
import { ApplyResult, DEFAULT_SETTINGS, Host, Lang, WorkbookState } from "../../src/hosts/host";
import { parseA1 } from "../../src/core/a1";
import { setCell } from "../helpers/forms";

function same(a: CellValue, b: CellValue): boolean {
  if (isCellError(a) || isCellError(b)) return isCellError(a) && isCellError(b) && a.error === b.error;
  return (a ?? null) === (b ?? null);
}

export class FakeHost implements Host {
  readonly kind = "file" as const;
  snapshot: WorkbookSnapshot;
  state: WorkbookState;
  readonly calls = {
    read: 0,
    mark: [] as Finding[][],
    clearMarks: 0,
    goTo: [] as string[],
    apply: [] as EditPlan[],
    saveState: [] as WorkbookState[],
    writeReport: [] as { findings: Finding[]; lang: Lang }[],
  };
  /** When set, apply() refuses with this reason. */
  refuse: Message | null = null;
  private listeners = new Set<() => void>();

  constructor(snapshot: WorkbookSnapshot, state?: Partial<WorkbookState>) {
    this.snapshot = snapshot;
    this.state = { ignored: [], settings: { ...DEFAULT_SETTINGS }, ...state };
  }

  async read(): Promise<WorkbookSnapshot> {
    this.calls.read++;
    return JSON.parse(JSON.stringify(this.snapshot)) as WorkbookSnapshot;
  }
  async mark(findings: Finding[]): Promise<void> {
    this.calls.mark.push(findings);
  }
  async clearMarks(): Promise<void> {
    this.calls.clearMarks++;
  }
  async goTo(ref: string): Promise<void> {
    this.calls.goTo.push(ref);
  }
  /** Applies setValue edits like a real host would, refusing when a cell changed since the plan. */
  async apply(plan: EditPlan): Promise<ApplyResult> {
    this.calls.apply.push(plan);
    if (this.refuse) return { ok: false, reason: this.refuse };
    let sheets = this.snapshot.sheets;
    for (const e of plan.edits) {
      if (e.op !== "setValue") throw new Error(`FakeHost cannot apply ${e.op}`);
      const i = sheets.findIndex((s) => s.name === e.sheet);
      if (i < 0) return { ok: false, reason: { zh: `找不到工作表 ${e.sheet}`, en: `No sheet ${e.sheet}` } };
      const { row, col } = parseA1(e.address);
      if (e.expected !== undefined && !same(cellValue(sheets[i], row, col), e.expected)) {
        return { ok: false, reason: { zh: `${e.address} 已被修改`, en: `${e.address} changed` } };
      }
      sheets = sheets.map((s, k) => (k === i ? setCell(s, e.address, e.value) : s));
    }
    this.snapshot = { ...this.snapshot, sheets };
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
