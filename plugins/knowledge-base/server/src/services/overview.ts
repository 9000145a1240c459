import type { Core } from '@strapi/strapi';
import { KB_TYPES, KB_TYPE_NAMES } from '../shared/content-types';
import { LOCALES } from '../shared/locales';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Published and draft-only counts for every collection and language. */
  async counts() {
    const rows = [];
    for (const type of KB_TYPE_NAMES) {
      for (const locale of LOCALES) {
        const documents = strapi.documents(KB_TYPES[type].uid);
        const published = await documents.count({ locale, status: 'published' });
        const drafts = await documents.count({ locale, status: 'draft' });
        rows.push({ type, locale, published, drafts: drafts - published });
      }
    }
    return rows;
  },
});
