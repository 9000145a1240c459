/** The browser scripts the guide ships inline, minified: read in their source form, sent small, allowed by hash (content-security-policy.ts). */
import { transformSync } from 'esbuild';
import deadlineClock from '../scripts/deadline-clock.js?raw';
import fundingFilters from '../scripts/funding-filters.js?raw';

const minified = (code: string): string => transformSync(code, { minify: true }).code.trim();

// The same few sources go into thousands of pages: each is minified once per build.
export const INLINE_SCRIPTS = {
  deadlineClock: minified(deadlineClock),
  fundingFilters: minified(fundingFilters),
} as const;
