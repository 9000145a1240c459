/** A browser script shipped inline, minified: read in its source form, sent small. */
import { transformSync } from 'esbuild';

// The same few sources go into thousands of pages: each is minified once per build.
const minified = new Map<string, string>();

export const minifiedScript = (code: string): string => {
  if (!minified.has(code)) minified.set(code, transformSync(code, { minify: true }).code.trim());
  return minified.get(code)!;
};
