/**
 * What this Excel can do, asked once at start-up. The manifest only demands ExcelApi 1.7 (Office 2019
 * must load the add-in); everything newer lights up when present and falls back when not.
 */

/** Highest ExcelApi 1.x minor that any Excel shipped so far; probing stops here. */
const HIGHEST_KNOWN_MINOR = 24;

export interface ExcelCaps {
  /** Highest supported ExcelApi 1.x minor (0 outside Excel). */
  minor: number;
  sharedRuntime: boolean;
}

/** Requirement-set check that never throws: outside Office `Office.context.requirements` is undefined. */
export function isSetSupported(name: string, version: string): boolean {
  try {
    if (typeof Office === "undefined") return false;
    return Boolean(Office.context?.requirements?.isSetSupported(name, version));
  } catch {
    return false;
  }
}

export function detectCapabilities(): ExcelCaps {
  let minor = 0;
  for (let m = HIGHEST_KNOWN_MINOR; m >= 1; m--) {
    if (isSetSupported("ExcelApi", `1.${m}`)) {
      minor = m;
      break;
    }
  }
  return { minor, sharedRuntime: isSetSupported("SharedRuntime", "1.1") };
}

export function capsFor(minor: number, sharedRuntime = false): ExcelCaps {
  return { minor, sharedRuntime };
}

/** The features this add-in uses, by the ExcelApi set that introduced them. */
export const FEATURE = {
  usedRangeValuesOnly: 2,
  protection: 2,
  merge: 2,
  nullObjects: 4,
  conditionalFormats: 6,
  sheetEvents: 7,
  workbookName: 7,
  freezePanes: 7,
  rangeAreas: 9,
  rowProperties: 9,
  copyFormats: 9,
  collectionEvents: 9,
  mergedAreas: 13,
  triggerSource: 14,
  mergeUndoGroup: 20,
} as const;

export type Feature = keyof typeof FEATURE;

export function has(caps: ExcelCaps, feature: Feature): boolean {
  return caps.minor >= FEATURE[feature];
}
