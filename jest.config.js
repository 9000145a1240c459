/** One runner for every kind of test; each folder's suites are a project. */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };
const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  ...extra,
});

module.exports = {
  testTimeout: 120_000,
  projects: [
    project('plugin', ['<rootDir>/plugins/knowledge-base/server/src/**/__tests__/**/*.test.ts']),
    project('seed', ['<rootDir>/seed/__tests__/**/*.test.ts']),
    project('scripts', ['<rootDir>/scripts/__tests__/**/*.test.ts']),
    project('cms', ['<rootDir>/cms/tests/**/*.test.ts']),
    project('site', ['<rootDir>/site/__tests__/**/*.test.ts', '<rootDir>/site/__e2e__/**/*.test.ts', '<rootDir>/site/__a11y__/**/*.test.ts']),
  ],
};
