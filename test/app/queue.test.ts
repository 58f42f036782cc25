/**
 * One queue per document (issue #21): a template insertion (read → apply) never interleaves with a
 * live re-check (read → mark), and the pane's and the ribbon's hosts on one document share it.
 */
import { SerialQueue, queueOf } from "../../src/app/queue";
import { checkWorkbook } from "../../src/core/engine";
import { findTemplate } from "../../src/core/templates/catalogue";
import { EtApp } from "../../src/hosts/wps/et";
import { WpsHost } from "../../src/hosts/wps/wpsHost";
import { insertTemplate } from "../../src/taskpane/templates/insertTemplate";
import { saveWorkbookTemplates } from "../../src/taskpane/templates/workbookTemplates";
import { readExample } from "../helpers/xlsx";
import { fakeWith, hostFor } from "../hosts/excel/helpers";
import { FakeEtApp } from "../hosts/wps/fakeEt";
import { FakeHost } from "../ui/fakeHost";

function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe("SerialQueue", () => {
  test("runs tasks one at a time in the order given; a failing task does not stop the next", async () => {
    const q = new SerialQueue();
    const log: string[] = [];
    const g = gate();
    const a = q.run(async () => {
      log.push("a start");
      await g.opened;
      log.push("a end");
      return 1;
    });
    const b = q.run(async () => {
      log.push("b");
      throw new Error("b fails");
    });
    const c = q.run(() => {
      log.push("c");
      return 3;
    });
    expect(q.pending).toBe(3);
    await Promise.resolve();
    expect(log).toEqual(["a start"]);
    g.open();
    await expect(a).resolves.toBe(1);
    await expect(b).rejects.toThrow("b fails");
    await expect(c).resolves.toBe(3);
    expect(log).toEqual(["a start", "a end", "b", "c"]);
    expect(q.pending).toBe(0);
  });
});

describe("queueOf: one queue per document", () => {
  test("Excel: hosts on one runtime's Excel.run share it; another document's do not", () => {
    const excel = fakeWith(20);
    const pane = hostFor(excel).host;
    const ribbon = hostFor(excel).host;
    expect(queueOf(pane)).toBe(queueOf(ribbon));
    expect(queueOf(hostFor(fakeWith(20)).host)).not.toBe(queueOf(pane));
  });

  test("WPS: hosts on one Application share it", () => {
    const app = new FakeEtApp("甲.xlsx") as unknown as EtApp;
    expect(queueOf(new WpsHost({ app }))).toBe(queueOf(new WpsHost({ app })));
    expect(queueOf(new WpsHost({ app: new FakeEtApp("乙.xlsx") as unknown as EtApp }))).not.toBe(queueOf(new WpsHost({ app })));
  });

  test("a template insertion waits for a queued re-check, then reads and applies as one task", async () => {
    const read = await readExample("corrected-form.xlsx");
    const host = new FakeHost(read.snapshot);
    const g = gate();
    // A live re-check in flight: it has read and not yet marked.
    const check = queueOf(host).run(async () => {
      const { snapshot } = await host.read();
      await g.opened;
      await host.mark(checkWorkbook(snapshot).findings);
    });
    const inserting = insertTemplate(host, findTemplate("quality.coverage")!, {});
    const later = queueOf(host).run(() => host.calls.apply.length);
    await Promise.resolve();
    expect(host.calls.read).toBe(1);
    expect(host.calls.apply).toHaveLength(0);
    g.open();
    await check;
    const r = await inserting;
    expect(r.ok).toBe(true);
    expect(host.calls.read).toBe(2);
    expect(host.calls.mark).toHaveLength(1);
    // A task queued after the insertion sees it finished (its read and apply were one task).
    await expect(later).resolves.toBe(1);
  });

  test("saving the workbook's templates loads and saves in one task", async () => {
    const read = await readExample("corrected-form.xlsx");
    const host = new FakeHost(read.snapshot);
    const g = gate();
    const busy = queueOf(host).run(() => g.opened);
    const saving = saveWorkbookTemplates(host, []);
    await Promise.resolve();
    expect(host.calls.saveState).toHaveLength(0);
    g.open();
    await busy;
    await saving;
    expect(host.calls.saveState).toHaveLength(1);
  });
});
