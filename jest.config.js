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
  // A hang detector, not a speed limit: every wait in the tests waits on state (a data attribute, a
  // call recorded by a fake, a selector), so the only failure a timeout can add is a false one when
  // the machine is loaded. 15 minutes is far above the slowest test seen beside a CPU hog (~1 min)
  // and still ends a real hang. Testing Library's waitFor gets its own, shorter limit in
  // test/setup.ts so that a wait that never comes true fails with its message and the DOM.
  testTimeout: 15 * 60 * 1000,
  // Both cores: jest's default on a 2-core machine is one worker, and the parent process mostly waits.
  maxWorkers: 2,
};
