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

export async function themeEntries(slug: string, locale: Locale): Promise<Record<ListedType, View[]>> {
  const family = themeFamily(slug, await entriesIn('theme', locale));
  const gathered = {} as Record<ListedType, View[]>;
  for (const type of LISTED_TYPES) {
    gathered[type] = (await entriesIn(type, locale))
      .filter((view) => ((view.data as any).themes ?? []).some((theme: { slug: string }) => family.has(theme.slug)))
      .sort(byTitleIn(locale));
  }
  return gathered;
}
