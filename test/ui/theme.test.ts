import { fluentTheme, isDarkOfficeTheme, isDarkPreview, luminance } from "../../src/taskpane/theme";

describe("theme", () => {
  test("Office's dark and black themes are dark; colorful and white are not", () => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#262626" })).toBe(true); // Dark Gray / Black
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#000000" })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#FFFFFF" })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#E6E6E6" })).toBe(false);
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "not a colour" })).toBe(false);
    expect(luminance("#808080")).toBeCloseTo(0.2159, 3);
  });

  test("the preview takes ?theme= first, then the system preference", () => {
    expect(isDarkPreview("?theme=dark", false)).toBe(true);
    expect(isDarkPreview("?theme=light", true)).toBe(false);
    expect(isDarkPreview("", true)).toBe(true);
    expect(isDarkPreview("?x=1", false)).toBe(false);
  });

  test("both themes list Chinese fonts before the generic fallback", () => {
    for (const dark of [false, true]) {
      const f = fluentTheme(dark).fontFamilyBase;
      expect(f).toMatch(/Microsoft YaHei.*Noto Sans CJK SC.*sans-serif$/);
    }
    expect(fluentTheme(true).colorNeutralBackground1).not.toBe(fluentTheme(false).colorNeutralBackground1);
  });
});
