/**
 * The explanation behind 「为什么?」, shown in the pane with no network: the rule's description,
 * its 依据 and the path of its page in the repository (docs/rules/…), all from the rule's own
 * metadata and src/core/rules/docs.ts, the same texts the page's generated block prints.
 */
import * as React from "react";
import { Popover, PopoverSurface, makeStyles, tokens } from "@fluentui/react-components";
import { ruleBasis, ruleDocPath } from "../../core/rules/docs";
import { ruleById } from "../../core/rules/registry";
import { Lang } from "../../hosts/host";
import { pick } from "../i18n";

const TEXT = {
  basis: { zh: "依据:", en: "Basis:" },
  page: { zh: "规则说明页:", en: "Rule page:" },
  title: { zh: "这条规则为什么检查", en: "Why this rule checks" },
};

const useStyles = makeStyles({
  surface: {
    maxWidth: "min(320px, calc(100vw - 24px))",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  id: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  label: { fontWeight: tokens.fontWeightSemibold },
  path: { fontFamily: tokens.fontFamilyMonospace },
});

export interface RuleDocPopoverProps {
  rule: string;
  lang: Lang;
  open: boolean;
  target: HTMLElement;
  onClose(): void;
}

export function RuleDocPopover({ rule, lang, open, target, onClose }: RuleDocPopoverProps): React.JSX.Element {
  const s = useStyles();
  const meta = ruleById(rule)?.meta;
  const basis = ruleBasis(rule);
  // The surface holds only text, so trapFocus finds nothing to focus: focus the surface itself, so
  // a screen reader reads it and Escape (handled on the surface) closes it.
  const surface = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (open) surface.current?.focus();
  }, [open]);
  return (
    <Popover
      open={open}
      onOpenChange={(_, d) => {
        if (!d.open) onClose();
      }}
      positioning={{ target, position: "below", align: "end" }}
      withArrow
      trapFocus
    >
      <PopoverSurface
        ref={surface}
        tabIndex={-1}
        className={s.surface}
        aria-label={`${pick(TEXT.title, lang)}: ${rule}`}
        data-rule-doc-popover={rule}
      >
        <span className={s.id}>{rule}</span>
        {meta && <span>{pick(meta.docs, lang)}</span>}
        {basis && (
          <span>
            <span className={s.label}>{pick(TEXT.basis, lang)}</span> {pick(basis, lang)}
          </span>
        )}
        <span>
          <span className={s.label}>{pick(TEXT.page, lang)}</span> <span className={s.path}>{ruleDocPath(rule)}</span>
        </span>
      </PopoverSurface>
    </Popover>
  );
}
