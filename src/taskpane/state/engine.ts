/**
 * The pane's way to the check engine (recognition, the rules and their fixes): a chunk of its own,
 * fetched by the first check rather than before the pane can paint (bench: Excel's first load
 * ≤ 200 KB gzip). Anything in src/taskpane that runs a check or reads the catalogue gets it here,
 * never by a static import of src/app/validate or src/core/rules/registry.
 */
import type { ribbonCheck } from "../../app/ribbon";
import type { validate, validateSettings } from "../../app/validate";
import type { Rule } from "../../core/rules/types";

interface Engine {
  validate: typeof validate;
  validateSettings: typeof validateSettings;
  ribbonCheck: typeof ribbonCheck;
  RULES: Rule[];
}

let engine: Engine | null = null;
let loading: Promise<Engine> | null = null;

async function fetchEngine(): Promise<Engine> {
  const [app, ribbon, registry] = await Promise.all([
    import(/* webpackChunkName: "engine" */ "../../app/validate"),
    import(/* webpackChunkName: "engine" */ "../../app/ribbon"),
    import(/* webpackChunkName: "engine" */ "../../core/rules/registry"),
  ]);
  return (engine = {
    validate: app.validate,
    validateSettings: app.validateSettings,
    ribbonCheck: ribbon.ribbonCheck,
    RULES: registry.RULES,
  });
}

export function loadEngine(): Promise<Engine> {
  return (loading ??= fetchEngine().catch((e: unknown) => {
    // A failed download (the network dropped) is tried again by the next check.
    loading = null;
    throw e;
  }));
}

/** The engine if a check has loaded it already, for what renders synchronously. */
export function loadedEngine(): Engine | null {
  return engine;
}
