import { detectCapabilities, isSetSupported } from "../../../src/hosts/excel/capabilities";
import { cleanSheet, seedSheet } from "../../helpers/forms";
import { fakeWith, hostFor } from "./helpers";

describe("ExcelHost.goTo", () => {
  it("activates the cell's sheet and selects the cell, in one sync", async () => {
    const excel = fakeWith(20, seedSheet(), cleanSheet({ sheetName: "预算 表" }));
    const { host } = hostFor(excel);
    await host.goTo({ sheet: "预算 表", row: 7, col: 3 });
    expect(excel.active.name).toBe("预算 表");
    expect(excel.selection).toEqual({ sheet: "预算 表", address: "D8" });
    expect(excel.syncs).toHaveLength(1);
  });

  it("says which cell is gone when its sheet was renamed", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    await expect(host.goTo({ sheet: "旧表", row: 7, col: 3 })).rejects.toThrow("找不到单元格 旧表!D8");
  });
});

describe("capabilities", () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => delete g.Office);

  it("never throws outside Office", () => {
    expect(isSetSupported("ExcelApi", "1.1")).toBe(false);
    g.Office = { context: {} }; // office.js loaded in a plain browser: no requirements object
    expect(isSetSupported("ExcelApi", "1.1")).toBe(false);
    g.Office = {
      context: {
        requirements: {
          isSetSupported: () => {
            throw new Error("boom");
          },
        },
      },
    };
    expect(isSetSupported("ExcelApi", "1.1")).toBe(false);
    expect(detectCapabilities()).toEqual({ minor: 0, sharedRuntime: false });
  });

  it("finds the highest ExcelApi version and shared-runtime support", () => {
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) =>
            (name === "ExcelApi" && Number(v.split(".")[1]) <= 14) || (name === "SharedRuntime" && v === "1.1"),
        },
      },
    };
    expect(detectCapabilities()).toEqual({ minor: 14, sharedRuntime: true });
  });
});
