/** What a theme gathers: the entries tagged with it or with any of its sub-themes. */
import type { Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import type { Theme } from '../loaders/public-entry';
import { entriesIn, type View } from './catalogue';
import { byTitleIn } from './listing';
import { LISTED_TYPES, type ListedType } from './urls';

/** A theme's slug and the slugs of all the themes under it. */
export const themeFamily = (slug: string, themes: View<Theme>[]): Set<string> => {
  const family = new Set([slug]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { data } of themes) {
      if (data.parent && family.has(data.parent.slug) && !family.has(data.slug)) {
        family.add(data.slug);
        grew = true;
      }
    }
  }
  return family;
};

/** One locale's entries, each listed type in title order, and where in that order each theme's own entries are. */
interface ThemeIndex {
  themes: View<Theme>[];
  byTitle: Record<ListedType, View[]>;
  tagged: Map<string, Record<ListedType, number[]>>;
}

// Theme pages and the theme tree all ask what a theme gathers: scan and sort the entries once per locale, not once per theme.
const indexes = new Map<Locale, Promise<ThemeIndex>>();
const indexIn = (locale: Locale): Promise<ThemeIndex> => {
  if (!indexes.has(locale)) {
    indexes.set(
      locale,
      (async () => {
        const index: ThemeIndex = { themes: await entriesIn('theme', locale), byTitle: {} as ThemeIndex['byTitle'], tagged: new Map() };
        for (const type of LISTED_TYPES) {
          index.byTitle[type] = (await entriesIn(type, locale)).sort(byTitleIn(locale));
          index.byTitle[type].forEach((view, position) => {
            for (const { slug } of ((view.data as any).themes ?? []) as { slug: string }[]) {
              if (!index.tagged.has(slug)) index.tagged.set(slug, { 'case-study': [], actor: [], 'funding-call': [], 'good-practice': [] });
              index.tagged.get(slug)![type].push(position);
            }
          });
        }
        return index;
      })(),
    );
  }
  return indexes.get(locale)!;
};

export async function themeEntries(slug: string, locale: Locale): Promise<Record<ListedType, View[]>> {
  const { themes, byTitle, tagged } = await indexIn(locale);
  const family = themeFamily(slug, themes);
  const gathered = {} as Record<ListedType, View[]>;
  for (const type of LISTED_TYPES) {
    // Positions in title order: an entry tagged with several themes of the family is listed once, in its place.
    const positions = new Set<number>();
    for (const member of family) for (const position of tagged.get(member)?.[type] ?? []) positions.add(position);
    gathered[type] = [...positions].sort((a, b) => a - b).map((position) => byTitle[type][position]);
  }
  return gathered;
}
