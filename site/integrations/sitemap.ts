/**
 * Writes `sitemap.xml` (with hreflang alternates) and `robots.txt` once the pages are
 * built, from what the pages themselves declare: a page is listed when its canonical URL
 * is its own, with the alternates its <head> names.
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
/** A page read until its `</head>`, which holds all the sitemap needs: the body of every page is left unread. */
const readHead = (file: string): string => {
  const fd = openSync(file, 'r');
  try {
    let read = Buffer.alloc(0);
    for (let chunk = Buffer.alloc(16_384), size; (size = readSync(fd, chunk)) > 0; ) {
      read = Buffer.concat([read, chunk.subarray(0, size)]);
      if (read.includes('</head>')) break;
    }
    return read.toString('utf8');
  } finally {
    closeSync(fd);
  }
};
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function sitemap(): AstroIntegration {
  let site = '';
  return {
    name: 'aimf-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = (config.site ?? '').replace(/\/$/, '');
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const urls: string[] = [];
        for (const { pathname } of [...pages].sort((a, b) => a.pathname.localeCompare(b.pathname))) {
          if (pathname === '404/' || pathname === '404') continue;
          let html: string;
          try {
            html = readHead(join(out, pathname, 'index.html'));
          } catch {
            continue; // not an HTML page (sitemap itself, feeds…)
          }
          const head = html.slice(0, html.indexOf('</head>'));
          const links = head.match(/<link\s[^>]*>/g) ?? [];
          const canonical = links.map((l) => (attr(l, 'rel') === 'canonical' ? attr(l, 'href') : undefined)).find(Boolean);
          const self = `${site}/${pathname}`.replace(/\/+$/, '/');
          if (canonical && canonical !== self) continue;
          if (/<meta\s+name="robots"\s+content="[^"]*noindex/.test(head)) continue;
          const alternates = links
            .filter((l) => attr(l, 'rel') === 'alternate' && attr(l, 'hreflang'))
            .map((l) => `<xhtml:link rel="alternate" hreflang="${attr(l, 'hreflang')}" href="${attr(l, 'href')}"/>`);
          urls.push(`<url><loc>${escapeXml(self)}</loc>${alternates.join('')}</url>`);
        }
        writeFileSync(
          join(out, 'sitemap.xml'),
          `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`,
        );
        writeFileSync(join(out, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${site}/sitemap.xml\n`);
        logger.info(`sitemap.xml: ${urls.length} URLs`);
      },
    },
  };
}
