// Entries that look like a submitted case study: same place and a similar title, or a shared link.
import type { Core } from '@strapi/strapi';
import { UIDS } from '../content-types/uids';
import type { LookAlike } from '../shared/submission-answers';

type Doc = Record<string, any>;
export type LookAlikeFields = { title?: string; city?: string | null; country?: string | null; links?: { url: string }[] | null };

const STOP_WORDS = new Set(['les', 'des', 'une', 'the', 'and', 'for', 'pour', 'dans', 'par', 'sur', 'with', 'aux', 'from', 'avec', 'del']);
/** Text as compared: accents and case set aside. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (title: string) => new Set(fold(title).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP_WORDS.has(w)));
/** Two titles look alike when most words of the shorter one are in the other. */
export const similarTitles = (a: string, b: string) => {
  const [x, y] = [words(a), words(b)];
  if (!x.size || !y.size) return fold(a).trim() === fold(b).trim();
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.min(x.size, y.size) >= 0.6;
};
const linkKey = (url: string) => fold(url).replace(/^https?:\/\/(www\.)?/, '').replace(/[/#?]+$/, '');
const sameText = (a?: string | null, b?: string | null) => Boolean(a && b && fold(a).trim() === fold(b).trim());

/**
 * Entries that look like the same initiative: same city and country with a similar title,
 * or a shared link. `viewer` is an organisation id (it sees published entries and its own
 * submissions) or 'editor' (sees everything).
 */
export const findLookAlikes =
  (strapi: Core.Strapi) =>
  async (fields: LookAlikeFields, viewer: string | 'editor', excludeDocumentId?: string): Promise<LookAlike[]> => {
    const rows: Doc[] = await strapi.db.query(UIDS.caseStudy).findMany({ select: ['documentId', 'locale', 'slug', 'title', 'city', 'country', 'links', 'publishedAt'] });
    const submitted: Doc[] = await strapi.db.query(UIDS.submission).findMany({ where: { kind: 'case-study' }, select: ['documentId', 'caseStudyDocumentId', 'organisationId', 'status'] });
    const published = new Set(rows.filter((r) => r.publishedAt).map((r) => `${r.documentId}:${r.locale}`));
    const links = new Set((fields.links ?? []).map((l) => linkKey(l.url)));
    const found = new Map<string, LookAlike>();
    for (const row of rows) {
      if (row.documentId === excludeDocumentId) continue;
      const key = `${row.documentId}:${row.locale}`;
      if (found.has(key) || (published.has(key) && !row.publishedAt)) continue;
      const submission = submitted.find((s) => s.caseStudyDocumentId === row.documentId);
      const visible = viewer === 'editor' || Boolean(row.publishedAt) || submission?.organisationId === viewer;
      if (!visible) continue;
      const sameLink = (row.links ?? []).some((l: { url?: string }) => typeof l?.url === 'string' && links.has(linkKey(l.url)));
      const samePlace = sameText(row.city, fields.city) && (!row.country || !fields.country || row.country === fields.country);
      if (!sameLink && !(samePlace && fields.title && similarTitles(row.title ?? '', fields.title))) continue;
      found.set(key, {
        documentId: row.documentId, slug: row.slug, title: row.title, locale: row.locale, city: row.city, country: row.country,
        published: Boolean(row.publishedAt), reason: sameLink ? 'same-link' : 'same-place-similar-title',
        ...(submission && (viewer === 'editor' || submission.organisationId === viewer) ? { submission: submission.documentId, status: submission.status } : {}),
      });
    }
    return [...found.values()].slice(0, 10);
  };
