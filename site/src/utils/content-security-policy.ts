/**
 * The guide's Content-Security-Policy, the same on every page: scripts and styles from the guide's own
 * files, and the few it ships inline allowed by their hash, so nothing a text could inject ever runs.
 * Pages carry it in a <meta> (static hosting); the site server and `_headers` send it as a header too,
 * with what only a header can say (integrations/security-headers.ts).
 */
import { createHash } from 'node:crypto';
import { INLINE_SCRIPTS } from './inline-script';
import { THEME_CSS } from './theme';
import { contributionApiUrl } from './contribution';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const originOf = (url: string | undefined) => (url && URL.canParse(url) ? new URL(url).origin : undefined);

/** The CMS: the contribution page calls it, the alert form posts to it, covers come from its uploads (addressed by KB_API_URL). */
const cms = [...new Set([contributionApiUrl(), process.env.KB_API_URL].map(originOf).filter(Boolean))].join(' ');

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly, and nothing else: no eval, no inline code.
  `script-src 'self' ${Object.values(INLINE_SCRIPTS).map(hash).join(' ')} 'wasm-unsafe-eval'`,
  `style-src 'self' ${hash(THEME_CSS)}`,
  // Covers are media of the CMS's upload provider, wherever it keeps them (a CDN, S3); Markdown images are held to the CMS.
  `img-src 'self' https: ${cms}`,
  `connect-src 'self' ${cms}`,
  `form-action 'self' ${cms}`,
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Where the guide's links tell other sites they came from: the origin only, and nothing from https to http. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
