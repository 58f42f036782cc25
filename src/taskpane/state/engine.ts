/**
 * The pane's way to the check engine (recognition, the rules and their fixes): a chunk of its own,
 * fetched by the first check rather than before the pane can paint (bench: Excel's first load
 * ≤ 200 KB gzip). Anything in src/taskpane that runs a check or reads the catalogue gets it here,
 * never by a static import of src/app/validate or src/core/rules/registry.
 */
export type Engine = typeof import("./engineModule");

let engine: Engine | null = null;
let loading: Promise<Engine> | null = null;

export function loadEngine(): Promise<Engine> {
  return (loading ??= import(/* webpackChunkName: "engine" */ "./engineModule").then(
    (m) => (engine = m),
    (e: unknown) => {
      // A failed download (the network dropped) is tried again by the next check.
      loading = null;
      throw e;
    },
  ));
}

/** The engine if a check has loaded it already, for what renders synchronously. */
export function loadedEngine(): Engine | null {
  return engine;
}
