/** @jest-environment jsdom */
/** The pane's settings go through the CLI's --config check (src/app/validate.ts validateSettings). */
import { act, renderHook, waitFor } from "@testing-library/react";
import { useChecker } from "../../src/taskpane/state/useChecker";
import { FakeHost } from "./fakeHost";
import { seedSheet, workbook } from "../helpers/forms";

test("a setting the CLI would refuse is not saved or used, and the user is told", async () => {
  const host = new FakeHost(workbook(seedSheet()));
  const notify = jest.fn();
  const { result } = renderHook(() => useChecker(host, { notify }));
  await waitFor(() => expect(result.current[0].phase).toBe("ready"));

  await act(() =>
    result.current[1].updateSettings({
      config: { rules: { "indicators/satisfaction-below-floor": ["warning", { floor: 250 }], "indicators/bare-percent": "off" } },
    }),
  );

  await waitFor(() => expect(host.calls.saveState.length).toBeGreaterThan(0));
  expect(host.calls.saveState.at(-1)!.settings.config).toEqual({ rules: { "indicators/bare-percent": "off" } });
  expect(result.current[0].settings.config).toEqual({ rules: { "indicators/bare-percent": "off" } });
  const warning = notify.mock.calls.map(([n]) => n).find((n) => n.intent === "warning");
  expect(warning?.body).toContain("satisfaction-below-floor");
});
