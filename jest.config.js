/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", esModuleInterop: true, isolatedModules: true } }],
  },
  setupFiles: ["<rootDir>/test/setup.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/reactWarnings.ts"],
  // Writes test/fixtures/generated/*.xlsx when missing or stale (scripts/build-fixtures.ts).
  globalSetup: "<rootDir>/test/globalSetup.ts",
  testTimeout: 60000,
  // Both cores: jest's default on a 2-core machine is one worker, and the parent process mostly waits.
  maxWorkers: 2,
};
