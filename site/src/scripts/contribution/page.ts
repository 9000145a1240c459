/** The contribution page as every part of its script sees it: its settings from the build, its words, its status line, its views, the CMS and the forms' messages. */
import type { ContributionConfig } from '../../utils/contribution-config';
import { cmsApi, type CmsApi } from './api';
import { $, $$ } from './elements';
import { formMessages, type FormMessages } from './messages';

export interface PageBase {
  root: HTMLElement;
  config: ContributionConfig;
  /** The page's words: `t('mine.sent', { date })`. */
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** The status line under the title, read out by screen readers. */
  say: (text: string) => void;
  /** Shows one view (invitation, login, forgot, reset, contribute) and hides the others. */
  show: (view: string) => void;
  /** "in 3 minutes", "dans 2 heures", in the page's language. */
  inWords: (seconds: number) => string;
  formatDate: (iso: string) => string;
}
export interface ContributionPage extends PageBase, FormMessages {
  api: CmsApi;
}

const readPage = (root: HTMLElement): PageBase => {
  const config: ContributionConfig = JSON.parse($('#contribute-config').textContent ?? '{}');
  const strings: Record<string, string> = config.strings;
  const statusLine = $<HTMLElement>('[data-status]', root);
  const views = $$<HTMLElement>('[data-view]', root);
  return {
    root,
    config,
    t: (key, vars = {}) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole)),
    say: (text) => {
      statusLine.textContent = text;
    },
    show: (name) => {
      for (const view of views) view.hidden = view.dataset.view !== name;
    },
    inWords: (seconds) => {
      const format = new Intl.RelativeTimeFormat(config.intl, { numeric: 'auto' });
      if (seconds < 90) return format.format(Math.max(1, Math.round(seconds)), 'second');
      if (seconds < 90 * 60) return format.format(Math.round(seconds / 60), 'minute');
      return format.format(Math.round(seconds / 3600), 'hour');
    },
    formatDate: (iso) => new Intl.DateTimeFormat(config.intl, { dateStyle: 'long' }).format(new Date(iso)),
  };
};

export const contributionPage = (root: HTMLElement): ContributionPage => {
  const base = readPage(root);
  return { ...base, ...formMessages(base), api: cmsApi(base.config.api, base.config.locale) };
};

/** A case study's page in the guide, in its language (the page's when the guide lacks that one). */
export const caseStudyUrl = (config: ContributionConfig, locale: string, slug: string) =>
  (config.caseStudyUrls[locale] ?? config.caseStudyUrls[config.locale]).replace('{slug}', encodeURIComponent(slug));
