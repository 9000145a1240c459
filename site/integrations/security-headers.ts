/**
 * The guide's security headers, written as `_headers` at the root of the build: the file static hosts
 * (Netlify, Cloudflare Pages) read, and so does the site server (scripts/lib/static-server.ts). The
 * Content-Security-Policy is the one the pages carry in their <meta>, plus what a <meta> cannot say:
 * nobody may frame the guide.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import type { AstroIntegration } from 'astro';

export const HEADERS_FILE = '_headers';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'aimf-security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        // Every page carries the same policy (components/SecurityHead.astro): the front door's is the site's.
        const front = parse(readFileSync(fileURLToPath(new URL('index.html', dir)), 'utf8'));
        const policy = front.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
        const referrer = front.querySelector('meta[name="referrer"]')?.getAttribute('content');
        if (!policy || !referrer) throw new Error('The front door has no Content-Security-Policy or referrer <meta>: is SecurityHead.astro still in its <head>?');
        const headers = {
          'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
          'Referrer-Policy': referrer,
          'X-Frame-Options': 'DENY',
          'X-Content-Type-Options': 'nosniff',
        };
        writeFileSync(fileURLToPath(new URL(HEADERS_FILE, dir)), `/*\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`);
        logger.info(`security headers written to ${HEADERS_FILE}`);
      },
    },
  };
}
