/**
 * One host contract (issue #21), the same tests on every host, one describe per host: read, mark,
 * clear, apply, fail-and-restore, document identity, state round trip. A host that cannot have a
 * fault injected (the file host writes a copy; the test fake has none) skips fail-and-restore, said
 * by name in the run. All hosts start from one generated form (text-amounts.xlsx) with fixable findings.
 */
import { checkWorkbook } from "../../../src/core/engine";
import { Finding } from "../../../src/core/rules/types";
import { WorkbookSnapshot, cellValue } from "../../../src/core/snapshot";
import { FileHost } from "../../../src/hosts/file/fileHost";
import type { ReadResult as FileRead } from "../../../src/hosts/file/read";
import { DEFAULT_SETTINGS, Host, WorkbookState } from "../../../src/hosts/host";
import { EtApp } from "../../../src/hosts/wps/et";
import { WpsHost } from "../../../src/hosts/wps/wpsHost";
import { readExample, readFixture } from "../../helpers/xlsx";
import { cellAt } from "../../helpers/cells";
import ExcelJS from "exceljs";
import { EditPlan, setValue } from "../../../src/core/plan/editPlan";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../../../src/core/templates/insert";
import { readXlsx } from "../../../src/hosts/file/read";
import { writeXlsx } from "../../../src/hosts/file/write";
import { FakeHost } from "../../ui/fakeHost";
import { fakeWith, hostFor } from "../excel/helpers";
import { fakeFrom } from "../wps/load";

interface Harness {
  host: Host;
  /** A second host on the same document (a pane opened later), for the state round trip. */
  again(): Host;
  /** A host on another open document, for identity. */
  other?(): Host;
  /** The next write fails (Excel: the batch stops there; WPS: the call throws). */
  injectFault?(): void;
  /** The k-th write operation from now fails (1 = the next), once. */
  failAt?(k: number): void;
  /** Write operations so far (what failAt counts). */
  writes?(): number;
}

const FORM = "text-amounts.xlsx";
let read: FileRead;
let corrected: FileRead;
beforeAll(async () => {
  read = await readFixture(FORM);
  corrected = await readExample("corrected-form.xlsx");
});

/**
 * exceljs's write operations, counted and failed on demand (the file host has no fault switch of its
 * own: its faults are exceljs refusing something, as "Cannot merge already merged cells" in
 * shared/notes/exceljs.md). Only outermost calls count: a row insertion that sets cells is one write.
 */
const exceljs = { count: 0, failAt: null as number | null, depth: 0, installed: false };
function countExceljsWrites(): void {
  if (exceljs.installed) return;
  exceljs.installed = true;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("x");
  const wsProto = Object.getPrototypeOf(ws) as Record<string, unknown>;
  const cellProto = Object.getPrototypeOf(ws.getCell("A1")) as object;
  const guard = <A extends unknown[], R>(label: string, fn: (this: unknown, ...a: A) => R) =>
    function (this: unknown, ...args: A): R {
      if (exceljs.depth === 0) {
        exceljs.count++;
        if (exceljs.failAt !== null && --exceljs.failAt <= 0) {
          exceljs.failAt = null;
          throw new Error(`injected fault at ${label}`);
        }
      }
      exceljs.depth++;
      try {
        return fn.apply(this, args);
      } finally {
        exceljs.depth--;
      }
    };
  for (const m of ["insertRows", "spliceRows", "mergeCellsWithoutStyle", "mergeCells", "unMergeCells"]) {
    const orig = wsProto[m] as (...a: unknown[]) => unknown;
    wsProto[m] = guard(`Worksheet.${m}`, orig);
  }
  for (const prop of ["value", "style", "numFmt"]) {
    const d = Object.getOwnPropertyDescriptor(cellProto, prop);
    if (d?.set) Object.defineProperty(cellProto, prop, { ...d, set: guard(`Cell.${prop}=`, d.set) });
  }
}

/** [name, harness on a form read from an .xlsx, can a fault be injected / is there more than one document]. */
const HOSTS: [string, (form: FileRead) => Promise<Harness>, { faults: boolean; documents: boolean }][] = [
  [
    "ExcelHost (office-js fake)",
    async (form) => {
      const excel = fakeWith(20, ...form.snapshot.sheets);
      const made = hostFor(excel, { documentId: "page:a" });
      return {
        host: made.host,
        again: () => hostFor(excel, { settings: made.settings, documentId: "page:a" }).host,
        other: () => hostFor(fakeWith(20, ...form.snapshot.sheets), { documentId: "page:b" }).host,
        injectFault: () => (excel.failAtWrite = 1),
        failAt: (k) => (excel.failAtWrite = k),
        writes: () => excel.syncs.reduce((n, s) => n + s.writes.length, 0),
      };
    },
    { faults: true, documents: true },
  ],
  [
    "WpsHost (ET fake)",
    async (form) => {
      const app = fakeFrom(form);
      const et = app as unknown as EtApp;
      return {
        host: new WpsHost({ app: et }),
        again: () => new WpsHost({ app: et }),
        other: () => {
          const b = app.open("乙.xlsx");
          app.activate(b);
          const h = new WpsHost({ app: et });
          void h.bind();
          app.activate(app.books[0]);
          return h;
        },
        injectFault: () => (app.failAfter = 1),
        failAt: (k) => (app.failAfter = k),
        // The fake's own count of write calls, the one failAfter counts down.
        writes: () => app["writes"],
      };
    },
    { faults: true, documents: true },
  ],
  [
    "FileHost (.xlsx)",
    async (form) => {
      // A workbook of its own: the host writes into the one it is given.
      const host = FileHost.fromOpened(await readXlsx(await writeXlsx(form.workbook), form.snapshot.source), form.snapshot.source);
      countExceljsWrites();
      return {
        host,
        again: () => host,
        injectFault: () => (exceljs.failAt = 1),
        failAt: (k) => (exceljs.failAt = k),
        writes: () => exceljs.count,
      };
    },
    { faults: true, documents: false },
  ],
  [
    "FakeHost (test fake)",
    async (form) => {
      const host = new FakeHost(form.snapshot);
      return {
        host,
        again: () => host,
        injectFault: () => (host.failAtStep = 1),
        failAt: (k) => (host.failAtStep = k),
        writes: () => host.stepsRun,
      };
    },
    { faults: true, documents: false },
  ],
];

// Merges as a set: their order in a listing means nothing (a merge put back comes last).
const cellsOf = (s: WorkbookSnapshot) =>
  JSON.stringify(s.sheets.map((x) => [x.name, x.originRow, x.originCol, x.values, x.merges.slice().sort()]));
/** A template insertion into the form: rows inserted, merged and written (the structural plan of every host). */
function insertion(snapshot: WorkbookSnapshot): EditPlan {
  const form = checkWorkbook(snapshot).recognitions.flatMap((r) => r.forms)[0];
  const plan = planInsertion(form.model, form.grid, findTemplate("quality.coverage")!);
  if (isInsertError(plan)) throw new Error(plan.error.zh);
  return plan;
}
const fixable = (findings: Finding[]) => findings.find((f) => f.fix && f.fix.edits.every((e) => e.op === "setValue"))!;

describe.each(HOSTS)("%s", (_name, makeOn, can) => {
  const make = () => makeOn(read);
  test("read: the form is there, and the check finds what it finds in the file", async () => {
    const { host } = await make();
    const { snapshot } = await host.read();
    expect(
      checkWorkbook(snapshot)
        .findings.map((f) => f.rule)
        .sort(),
    ).toEqual(
      checkWorkbook(read.snapshot)
        .findings.map((f) => f.rule)
        .sort(),
    );
  });

  test("mark, then clear: cells are marked, and known to be; clearing takes every mark off", async () => {
    const { host } = await make();
    const findings = checkWorkbook((await host.read()).snapshot).findings;
    const out = await host.mark(findings);
    expect(out.marked).toBeGreaterThan(0);
    if (host.hasMarks) expect(await host.hasMarks()).toBe(true);
    await host.clearMarks();
    if (host.hasMarks) expect(await host.hasMarks()).toBe(false);
  });

  test("apply: a fix is written, and a re-read shows it", async () => {
    const { host } = await make();
    const f = fixable(checkWorkbook((await host.read()).snapshot).findings);
    expect(f).toBeDefined();
    expect(await host.apply(f.fix!)).toMatchObject({ ok: true });
    const edit = f.fix!.edits[0];
    if (edit.op !== "setValue") throw new Error("a setValue fix");
    const now = (await host.read()).snapshot.sheets.find((s) => s.name === edit.sheet)!;
    expect(cellValue(now, edit.row, edit.col)).toEqual(edit.value);
  });

  (can.faults ? test : test.skip)("fail-and-restore: a fix whose write fails is refused and the sheet is as it was", async () => {
    const h = await make();
    const before = (await h.host.read()).snapshot;
    const f = fixable(checkWorkbook(before).findings);
    h.injectFault!();
    const res = await h.host.apply(f.fix!);
    expect(res.ok).toBe(false);
    expect(cellsOf((await h.host.read()).snapshot)).toBe(cellsOf(before));
  });

  (can.faults ? test : test.skip)(
    "fail-and-restore at every write of a structural plan (rows inserted, merged, written): refused, and as it was",
    async () => {
      const clean = await make();
      const plan = insertion((await clean.host.read()).snapshot);
      expect(plan.edits.map((e) => e.op)).toEqual(expect.arrayContaining(["insertRows", "merge", "setValue"]));
      const w0 = clean.writes!();
      expect(await clean.host.apply(plan)).toEqual({ ok: true });
      const n = clean.writes!() - w0;
      expect(n).toBeGreaterThan(3);
      for (let k = 1; k <= n; k++) {
        const h = await make();
        const before = cellsOf((await h.host.read()).snapshot);
        h.failAt!(k);
        const res = await h.host.apply(plan);
        expect({ k, ok: res.ok, zh: res.ok ? "" : res.reason.zh }).toEqual({ k, ok: false, zh: expect.stringContaining("已恢复原状") });
        expect({ k, now: cellsOf((await h.host.read()).snapshot) }).toEqual({ k, now: before });
      }
    },
    120_000,
  );

  test("verification judges by the user's rule settings, not the defaults (WPS used the defaults before #21)", async () => {
    // D8 = 300 breaks income = expenditure (an error by default) and the levels' sum (a warning).
    const change = () => ({ title: { zh: "改金额", en: "fix amount" }, edits: [setValue(cellAt("申报表", "D8"), 300, 326.6)] });
    const d8 = async (host: Host) =>
      cellValue(
        (await host.read()).snapshot.sheets.find((s) => s.name === "申报表")!,
        7,
        3,
      );
    const off = (await makeOn(corrected)).host;
    await off.saveState({
      ignored: [],
      settings: { ...DEFAULT_SETTINGS, config: { rules: { "budget/income-matches-expenditure": "off" } } },
    });
    // Switched off by the user: no new error, not refused.
    expect(await off.apply(change())).toEqual({ ok: true });
    expect(await d8(off)).toBe(300);

    const strict = await makeOn(corrected);
    await strict.host.saveState({
      ignored: [],
      settings: {
        ...DEFAULT_SETTINGS,
        config: { rules: { "budget/income-matches-expenditure": "off", "budget/levels-match-expenditure": "error" } },
      },
    });
    // A pane opened later loads the settings, and applies by them.
    const later = strict.again();
    await later.loadState();
    const res = await later.apply(change());
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.reason.zh).toMatch(/出现新的错误:/);
    expect(await d8(later)).toBe(326.6);
  });

  (can.documents ? test : test.skip)("document identity: stable for its document, different for another one", async () => {
    const h = await make();
    await h.host.read();
    const id = h.host.documentId!();
    expect(id).toBeTruthy();
    await h.host.read();
    expect(h.host.documentId!()).toBe(id);
    const other = h.other!();
    expect(other.documentId!()).toBeTruthy();
    expect(other.documentId!()).not.toBe(id);
  });

  test("state round trip: what is saved is what a pane opened later loads", async () => {
    const h = await make();
    const state: WorkbookState = { ignored: ["budget/x@申报表!D8"], settings: { ...DEFAULT_SETTINGS, lang: "en", liveCheck: false } };
    await h.host.saveState(state);
    const loaded = await h.again().loadState();
    expect(loaded.ignored).toEqual(state.ignored);
    expect(loaded.settings).toMatchObject({ lang: "en", liveCheck: false });
  });
});
