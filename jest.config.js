/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", esModuleInterop: true, isolatedModules: true } }],
  },
  moduleNameMapper: {
    // office-addin-mock only needs an enum from office-addin-manifest, whose ESM-only deps jest cannot load.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
  },
  setupFiles: ["<rootDir>/test/setup.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/reactWarnings.ts"],
  // Writes test/fixtures/generated/*.xlsx when missing or stale (scripts/build-fixtures.ts).
  globalSetup: "<rootDir>/test/globalSetup.ts",
  testTimeout: 60000,
};
