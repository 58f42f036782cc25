/** Light or dark, following Office's theme in Excel and the URL or the system setting in the preview. */
import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** Relative luminance of "#RRGGBB" (0 black … 1 white); null when it cannot be read. */
export function luminance(hex: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/** Office reports its theme as colours, not a name: a dark pane background means a dark theme. */
export function isDarkOfficeTheme(theme: { bodyBackgroundColor?: string } | undefined | null): boolean {
  const l = luminance(theme?.bodyBackgroundColor);
  return l !== null && l < 0.2;
}

/** The preview: ?theme=dark|light wins, else the system preference. */
export function isDarkPreview(search: string, prefersDark: boolean): boolean {
  const p = new URLSearchParams(search).get("theme");
  if (p === "dark") return true;
  if (p === "light") return false;
  return prefersDark;
}

/** Chinese faces before the generic fallback, so CJK text does not land on whatever the system picks. */
const CJK_FONTS =
  "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC'";

function withCjk(family: string): string {
  return family.replace(/,\s*sans-serif\s*$/, `, ${CJK_FONTS}, sans-serif`);
}

const LIGHT: Theme = { ...webLightTheme, fontFamilyBase: withCjk(webLightTheme.fontFamilyBase) };
const DARK: Theme = { ...webDarkTheme, fontFamilyBase: withCjk(webDarkTheme.fontFamilyBase) };

export function fluentTheme(dark: boolean): Theme {
  return dark ? DARK : LIGHT;
}
