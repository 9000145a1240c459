/** Every URL of the guide: `/{locale}/{collection path}/{slug}/`, the same segments in every locale. */
import { KB_TYPES, type KbType, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';

export type ListedType = Exclude<KbType, 'theme'>;
export const LISTED_TYPES: ListedType[] = ['case-study', 'actor', 'funding-call', 'good-practice'];

export const homeUrl = (locale: Locale) => `/${locale}/`;
export const entryUrl = (locale: Locale, type: KbType, slug: string) => `/${locale}/${KB_TYPES[type].path}/${slug}/`;
export const listUrl = (locale: Locale, type: KbType, sort?: string, page = 1) =>
  `/${locale}/${KB_TYPES[type].path}/${sort ? `sort/${sort}/` : ''}${page > 1 ? `page/${page}/` : ''}`;
export const countryUrl = (locale: Locale, code: string) => `/${locale}/countries/${code.toLowerCase()}/`;
export const countriesUrl = (locale: Locale) => `/${locale}/countries/`;
export const aboutUrl = (locale: Locale, anchor?: string) => `/${locale}/about/${anchor ? `#${anchor}` : ''}`;
export const searchUrl = (locale: Locale) => `/${locale}/search/`;

/** The same page in another locale: only the first segment changes. */
export const localizedPath = (pathname: string, locale: Locale) => pathname.replace(/^\/[a-z]{2}(?=\/)/, `/${locale}`);

/** The anchor of a source document on the about page, from its id in guide.config.ts: `000` → `source-000`. */
export const sourceAnchor = (id: string) => `source-${id}`;
