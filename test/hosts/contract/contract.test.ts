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
import { readFixture } from "../../helpers/xlsx";
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
}

const FORM = "text-amounts.xlsx";
let read: FileRead;
beforeAll(async () => {
  read = await readFixture(FORM);
});

/** [name, harness, can a fault be injected / is there more than one document]. */
const HOSTS: [string, () => Harness, { faults: boolean; documents: boolean }][] = [
  [
    "ExcelHost (office-js fake)",
    () => {
      const excel = fakeWith(20, ...read.snapshot.sheets);
      const made = hostFor(excel, { documentId: "page:a" });
      return {
        host: made.host,
        again: () => hostFor(excel, { settings: made.settings, documentId: "page:a" }).host,
        other: () => hostFor(fakeWith(20, ...read.snapshot.sheets), { documentId: "page:b" }).host,
        injectFault: () => (excel.failAtWrite = 1),
      };
    },
    { faults: true, documents: true },
  ],
  [
    "WpsHost (ET fake)",
    () => {
      const app = fakeFrom(read);
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
      };
    },
    { faults: true, documents: true },
  ],
  [
    "FileHost (.xlsx)",
    () => {
      const host = FileHost.fromOpened(read, FORM);
      return { host, again: () => host };
    },
    { faults: false, documents: false },
  ],
  [
    "FakeHost (test fake)",
    () => {
      const host = new FakeHost(read.snapshot);
      return { host, again: () => host };
    },
    { faults: false, documents: false },
  ],
];

const cellsOf = (s: WorkbookSnapshot) => JSON.stringify(s.sheets.map((x) => [x.name, x.originRow, x.originCol, x.values, x.merges]));
const fixable = (findings: Finding[]) => findings.find((f) => f.fix && f.fix.edits.every((e) => e.op === "setValue"))!;

describe.each(HOSTS)("%s", (_name, make, can) => {
  test("read: the form is there, and the check finds what it finds in the file", async () => {
    const { host } = make();
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
    const { host } = make();
    const findings = checkWorkbook((await host.read()).snapshot).findings;
    const out = await host.mark(findings);
    expect(out.marked).toBeGreaterThan(0);
    if (host.hasMarks) expect(await host.hasMarks()).toBe(true);
    await host.clearMarks();
    if (host.hasMarks) expect(await host.hasMarks()).toBe(false);
  });

  test("apply: a fix is written, and a re-read shows it", async () => {
    const { host } = make();
    const f = fixable(checkWorkbook((await host.read()).snapshot).findings);
    expect(f).toBeDefined();
    expect(await host.apply(f.fix!)).toMatchObject({ ok: true });
    const edit = f.fix!.edits[0];
    if (edit.op !== "setValue") throw new Error("a setValue fix");
    const now = (await host.read()).snapshot.sheets.find((s) => s.name === edit.sheet)!;
    expect(cellValue(now, edit.row, edit.col)).toEqual(edit.value);
  });

  (can.faults ? test : test.skip)("fail-and-restore: a fix whose write fails is refused and the sheet is as it was", async () => {
    const h = make();
    const before = (await h.host.read()).snapshot;
    const f = fixable(checkWorkbook(before).findings);
    h.injectFault!();
    const res = await h.host.apply(f.fix!);
    expect(res.ok).toBe(false);
    expect(cellsOf((await h.host.read()).snapshot)).toBe(cellsOf(before));
  });

  (can.documents ? test : test.skip)("document identity: stable for its document, different for another one", async () => {
    const h = make();
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
    const h = make();
    const state: WorkbookState = { ignored: ["budget/x@申报表!D8"], settings: { ...DEFAULT_SETTINGS, lang: "en", liveCheck: false } };
    await h.host.saveState(state);
    const loaded = await h.again().loadState();
    expect(loaded.ignored).toEqual(state.ignored);
    expect(loaded.settings).toMatchObject({ lang: "en", liveCheck: false });
  });
});
