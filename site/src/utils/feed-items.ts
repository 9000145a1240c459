/** What the feeds say: the guide's entries in one locale, newest first, and call deadlines as events. */
import { KB_TYPES, type KbType, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import { entriesIn, type View } from './catalogue';
import { entryTitle, type FundingCall } from '../loaders/public-entry';
import { FEED_SIZE, type FeedItem } from './feeds';
import type { DeadlineEvent } from './ical';
import { formatDeadline } from './format';
import { useTranslations } from './i18n';
import { entryUrl, LISTED_TYPES, type ListedType } from './urls';

/** Entries really written in `locale` (a feed in Arabic does not repeat French fallbacks). */
export async function feedItems(locale: Locale, types: ListedType[], site: URL): Promise<FeedItem[]> {
  const t = useTranslations(locale);
  const views = (await Promise.all(types.map((type) => entriesIn(type, locale)))).flat().filter((view) => !view.fallback);
  return views
    .sort((a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt) || a.data.slug.localeCompare(b.data.slug))
    .slice(0, FEED_SIZE)
    .map((view) => {
      const data = view.data as any;
      return {
        title: entryTitle(data),
        url: new URL(entryUrl(locale, data.collection, data.slug), site).href,
        published: data.publishedAt,
        summary: data.summary ?? data.description ?? '',
        category: t(`type.${data.collection as ListedType}.one` as any),
      };
    });
}

export const ALL_FEED_TYPES: ListedType[] = LISTED_TYPES;
export const isListedPath = (path: string): ListedType | undefined =>
  LISTED_TYPES.find((type) => KB_TYPES[type].path === path);

/** Every call with a deadline, as seen from `locale`, soonest first; `keep` narrows them (a theme). */
export async function deadlineEvents(locale: Locale, site: URL, keep: (view: View<FundingCall>) => boolean = () => true): Promise<DeadlineEvent[]> {
  const t = useTranslations(locale);
  const calls = (await entriesIn('funding-call', locale)).filter((view) => view.data.deadline && keep(view));
  return calls
    .sort((a, b) => new Date(a.data.deadline!).getTime() - new Date(b.data.deadline!).getTime() || a.data.slug.localeCompare(b.data.slug))
    .map(({ data }) => {
      const url = new URL(entryUrl(locale, 'funding-call', data.slug), site).href;
      return {
        uid: `funding-call-${data.slug}@${site.hostname}`,
        deadline: data.deadline!,
        updatedAt: data.updatedAt,
        summary: t('ics.summary', { title: data.title }),
        description: [data.summary ?? '', t('ics.deadline', { date: formatDeadline(data.deadline!, locale, data.timezone) }), url].filter(Boolean).join('\n\n'),
        url,
      };
    });
}

export type { KbType };
