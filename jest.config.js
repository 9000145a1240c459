/**
 * One runner for every kind of test, one Jest project per kind, so a kind runs alone:
 * `npm test -- --selectProjects unit` takes seconds; `npm test` runs them all.
 *
 * - unit: functions and modules, no server, no build (every suite not named below is one);
 * - integration: a real Strapi on a temporary database, or real processes (site server, supervisor);
 * - build: builds a real site and reads what it wrote;
 * - e2e: a built site (and a CMS where it needs one) driven in Chromium;
 * - a11y: axe over every page type, in Chromium.
 */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };
const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  ...extra,
});

const INTEGRATION = [
  '<rootDir>/cms/tests/**/*.test.ts',
  '<rootDir>/scripts/__tests__/{serve-site,supervisor}.test.ts',
];
const BUILD = ['<rootDir>/site/__tests__/{api-resilience,api-site,astro-internals,fixture-site,funding-feeds-data,search-index,seed-site}.test.ts'];
const E2E = ['<rootDir>/site/__e2e__/**/*.test.ts'];
const A11Y = ['<rootDir>/site/__a11y__/**/*.test.ts'];
const ALL = [
  '<rootDir>/plugins/knowledge-base/server/src/**/__tests__/**/*.test.ts',
  '<rootDir>/seed/__tests__/**/*.test.ts',
  '<rootDir>/scripts/__tests__/**/*.test.ts',
  '<rootDir>/site/__tests__/**/*.test.ts',
];
// Unit is what is left: a new suite runs as a unit test until it is named as another kind.
const toRegex = (glob) =>
  glob
    .replace('<rootDir>/', '/')
    .replace(/[.+^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]+)\}/g, (_, alts) => `(${alts.split(',').join('|')})`)
    .replace(/\*\*\//g, '(.*/)?')
    .replace(/\*/g, '[^/]*');

module.exports = {
  testTimeout: 120_000,
  projects: [
    project('unit', ALL, { testPathIgnorePatterns: ['/node_modules/', ...[...INTEGRATION, ...BUILD].map(toRegex)] }),
    project('integration', INTEGRATION),
    project('build', BUILD),
    project('e2e', E2E),
    project('a11y', A11Y),
  ],
};
