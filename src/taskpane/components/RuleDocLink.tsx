/**
 * A finding's 「为什么?」: a Fluent Link that opens its rule's explanation (what it checks, the
 * published source it rests on, where its page is). The pane must work offline and its first-load
 * JavaScript is near its 200 KB budget, so the popover and the rules' 依据 texts are a chunk of their
 * own, loaded on the first click; the link itself stays mounted so focus is never lost.
 */
import * as React from "react";
import { Link } from "@fluentui/react-components";
import { Lang } from "../../hosts/host";
import { pick } from "../i18n";
import type { RuleDocPopoverProps } from "./RuleDocPopover";

const RULE_DOC_STRINGS = {
  why: { zh: "为什么?", en: "Why?" },
};

/** Room the link takes on the cell chip's line (px), for FindingItem's reserve; generous for English. */
export const RULE_DOC_LINK_WIDTH = 64;

type Popover = (props: RuleDocPopoverProps) => React.JSX.Element;
let loaded: Popover | null = null;

/** Loads the popover's chunk once; later links render it at once. */
async function loadRuleDocPopover(): Promise<Popover> {
  if (!loaded) loaded = (await import(/* webpackChunkName: "rule-docs" */ "./RuleDocPopover")).RuleDocPopover;
  return loaded;
}

/** `at` (the finding's cell) keeps each link's name unique in the list, as the other buttons' are. */
export function RuleDocLink({ rule, lang, at }: { rule: string; lang: Lang; at?: string }): React.JSX.Element {
  const [open, setOpen] = React.useState(false);
  const [Doc, setDoc] = React.useState<Popover | null>(() => loaded);
  const [target, setTarget] = React.useState<HTMLElement | null>(null);
  const why = pick(RULE_DOC_STRINGS.why, lang);
  const show = () => {
    if (Doc) return setOpen(true);
    void loadRuleDocPopover().then((c) => {
      setDoc(() => c);
      setOpen(true);
    });
  };
  return (
    <>
      <Link
        as="button"
        ref={setTarget}
        onClick={show}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={`${why} ${rule}${at ? ` · ${at}` : ""}`}
        data-rule-doc={rule}
      >
        {why}
      </Link>
      {Doc && target && (
        <Doc
          rule={rule}
          lang={lang}
          open={open}
          target={target}
          onClose={() => {
            setOpen(false);
            target.focus();
          }}
        />
      )}
    </>
  );
}
