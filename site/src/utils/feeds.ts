/** Where the guide's feeds and open data live, and the RSS 2.0 writer. */
import { KB_TYPES, type KbType, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';

export const fundingUrl = (locale: Locale) => `/${locale}/funding/`;
export const dataUrl = (locale: Locale) => `/${locale}/data/`;
export const feedUrl = (locale: Locale, type?: KbType) => (type ? `/${locale}/${KB_TYPES[type].path}/feed.xml` : `/${locale}/feed.xml`);
export const deadlinesUrl = (locale: Locale, theme?: string) =>
  theme ? `/${locale}/funding-calls/deadlines/${theme}.ics` : `/${locale}/funding-calls/deadlines.ics`;
export const dataFileUrl = (locale: Locale, type: KbType, format: 'json' | 'csv') => `/${locale}/data/${KB_TYPES[type].path}.${format}`;
export const OPENAPI_URL = '/openapi.json';

/** How many entries a feed carries, newest first. */
export const FEED_SIZE = 50;

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

export interface FeedItem {
  title: string;
  url: string;
  published: string;
  summary: string;
  category: string;
}

/** An RSS 2.0 document (with its atom:link self reference, as feed validators ask). */
export function rss(feed: { title: string; description: string; url: string; self: string; language: string; items: FeedItem[] }): string {
  const lastBuild = feed.items.reduce((latest, item) => (item.published > latest ? item.published : latest), '1970-01-01T00:00:00Z');
  const items = feed.items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.url)}</link>
      <guid isPermaLink="true">${escapeXml(item.url)}</guid>
      <pubDate>${new Date(item.published).toUTCString()}</pubDate>
      <category>${escapeXml(item.category)}</category>
      <description>${escapeXml(item.summary)}</description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.url)}</link>
    <atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(feed.description)}</description>
    <language>${feed.language}</language>
    <lastBuildDate>${new Date(lastBuild).toUTCString()}</lastBuildDate>
${items.join('\n')}
  </channel>
</rss>
`;
}
