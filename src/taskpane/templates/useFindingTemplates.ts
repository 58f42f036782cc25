/**
 * A finding's 插入模板 button: a template whose values are the department's own opens in the
 * 指标模板 tab for editing; any other is inserted at once with its standard values.
 */
import { useCallback, useRef, useState } from "react";
import { CheckResult } from "../../core/engine";
import { findingSheet } from "../../core/identity";
import { Finding } from "../../core/rules/types";
import { findTemplate } from "../../core/templates/catalogue";
import { Host, Lang } from "../../hosts/host";
import { templateStrings } from "./strings";
import { errorMessage } from "../../core/errors";
import { pick } from "../../core/i18n";

export interface FindingTemplatesOptions {
  host: Host;
  lang: Lang;
  result: CheckResult | null;
  notify(n: { intent: "success" | "error" | "info"; title: string; body?: string }): void;
  onApplied(): void;
  /** Shows the 指标模板 tab. */
  openTab(): void;
}

export function useFindingTemplates(o: FindingTemplatesOptions): {
  preselect: { id: string; seq: number } | null;
  onTemplate(f: Finding, id: string): void;
} {
  const [preselect, setPreselect] = useState<{ id: string; seq: number } | null>(null);
  const opts = useRef(o);
  opts.current = o;
  const seq = useRef(0);
  const onTemplate = useCallback((f: Finding, id: string) => {
    const { host, lang, notify, onApplied, openTab } = opts.current;
    const t = findTemplate(id);
    if (!t) return;
    const open = () => {
      setPreselect({ id, seq: ++seq.current });
      openTab();
    };
    if (t.needsValue) return open();
    // Recognition and the insertion planner come with the templates tab's chunk: not in the first paint.
    // The finding's own form: the user chose it by pressing the button on that finding.
    void import(/* webpackChunkName: "templates" */ "./insertTemplate")
      .then((m) => m.insertTemplate(host, t, {}, { chosen: findingSheet(f) || undefined }))
      .then(
        (r) => {
          const text = templateStrings(lang);
          if (r.ok) {
            notify({ intent: "success", title: text.inserted(t.name, r.plan.target.row + 1, r.plan.target.mode === "fill") });
            onApplied();
          } else if (r.duplicate) {
            // Let the user see the existing row's message and decide in the tab.
            notify({ intent: "info", title: pick(r.reason, lang) });
            open();
          } else notify({ intent: "error", title: pick(r.reason, lang) });
        },
        (e: unknown) => opts.current.notify({ intent: "error", title: errorMessage(e) }),
      );
  }, []);
  return { preselect, onTemplate };
}
