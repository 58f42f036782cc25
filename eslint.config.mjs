// ESLint flat config. Besides the usual recommended sets, it guards the architecture the README
// describes: the core is pure (no host, UI, CLI, DOM, Node or Office API), and the Excel pane's code
// cannot reach the file host or exceljs (they belong to the CLI and the browser preview).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const coreForbiddenImports = {
  patterns: [
    { group: ["**/hosts/**", "**/hosts", "**/taskpane/**", "**/cli/**", "**/app/**", "**/commands/**"], message: "src/core is pure: it imports nothing from hosts, the UI, the CLI or the app flow." },
    { group: ["react", "react-dom", "react/*", "@fluentui/*", "exceljs", "jszip", "@microsoft/*", "office-*", "tinyglobby"], message: "src/core uses no UI, file or Office library." },
    { group: ["node:*"], message: "src/core uses no Node API." },
  ],
  // Bare Node module names as exact paths: a pattern "util" would also match the core's own ../util.
  paths: ["fs", "fs/promises", "path", "os", "child_process", "worker_threads", "stream", "util", "zlib", "crypto"].map((name) => ({ name, message: "src/core uses no Node API." })),
};

const coreForbiddenGlobals = [
  "window", "document", "navigator", "localStorage", "sessionStorage", "fetch", "XMLHttpRequest", "Office", "Excel", "OfficeExtension",
  "process", "Buffer", "__dirname", "__filename", "require", "module",
].map((name) => ({ name, message: "src/core runs anywhere: no DOM, Node or Office global." }));

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-artifacts/**", "test/fixtures/generated/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // One translation shape (src/core/i18n.ts): code picks a catalogue entry, never branches on the
    // language or indexes a text by it (pick, which does, is the one exception).
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/core/i18n.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "BinaryExpression[operator=/^[!=]==?$/] > Literal[value=/^(zh|en)$/]",
          message: "Do not compare the language: put both texts in a {zh, en} catalogue entry and use pick(entry, lang) (src/core/i18n.ts).",
        },
        {
          selector: "MemberExpression[computed=true]:matches([property.name='lang'], [property.property.name='lang'])",
          message: "Do not index a text by the language: use pick(entry, lang) (src/core/i18n.ts), which also falls back to Chinese.",
        },
        {
          selector: "SwitchCase > Literal.test[value=/^(zh|en)$/]",
          message: "Do not switch on the language: put both texts in a {zh, en} catalogue entry and use pick(entry, lang) (src/core/i18n.ts).",
        },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", coreForbiddenImports],
      "no-restricted-globals": ["error", ...coreForbiddenGlobals],
    },
  },
  {
    // What Excel's and WPS's panes load: never the file host or exceljs (the preview has its own entry).
    files: ["src/taskpane/**/*.{ts,tsx}", "src/hosts/excel/**/*.ts", "src/commands/**/*.ts", "src/app/**/*.ts", "src/hosts/wps/**/*.ts", "src/wps/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/preview/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/hosts/file", "**/hosts/file/**", "exceljs", "jszip"], message: "The Excel pane must not load the file host or exceljs." }] }],
    },
  },
  {
    // The ribbon's first script: plain ES5 for IE11, on office.js's global (catch needs its binding in ES5).
    files: ["src/commands/launch.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { ...globals.browser, Office: "readonly" } },
    rules: { "@typescript-eslint/no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    // bench/ scripts hand functions to page.evaluate: they run in the browser.
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
