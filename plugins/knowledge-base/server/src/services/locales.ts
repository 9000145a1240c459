import type { Core } from '@strapi/strapi';
import { KB_TYPE_NAMES, KB_TYPES } from '../shared/content-types';
import { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES } from '../shared/locales';

/** Strapi's default admin roles below super-admin, which it grants every content type without any locale. */
const EDITING_ROLES = ['strapi-editor', 'strapi-author'];
const KB_UIDS: string[] = KB_TYPE_NAMES.map((name) => KB_TYPES[name].uid);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Creates the guide's languages that are missing and makes French the default. */
  async ensure() {
    const service = strapi.plugin('i18n').service('locales');
    const existing: { code: string }[] = await service.find();
    for (const code of LOCALES) {
      if (!existing.some((locale) => locale.code === code)) {
        await service.create({ code, name: `${LOCALE_NAMES[code]} (${code})` });
        strapi.log.info(`[knowledge-base] created locale ${code}`);
      }
    }
    if ((await service.getDefaultLocale()) !== DEFAULT_LOCALE) await service.setDefaultLocale({ code: DEFAULT_LOCALE });
  },

  /**
   * Gives the Editor and Author roles the guide's languages on its collections. Strapi creates those
   * roles' permissions with no `locales`, which i18n reads as none: an Editor saw no entry at all. A
   * permission whose locales an administrator chose is left as it is.
   */
  async grantEditingRoles() {
    const permissions = strapi.db.query('admin::permission');
    const rows: { id: number; properties: Record<string, unknown> | null }[] = await permissions.findMany({
      where: { subject: { $in: KB_UIDS }, action: { $startsWith: 'plugin::content-manager.explorer.' }, role: { code: { $in: EDITING_ROLES } } },
      select: ['id', 'properties'],
    });
    const missing = rows.filter((r) => !Array.isArray(r.properties?.locales));
    for (const row of missing) {
      await permissions.update({ where: { id: row.id }, data: { properties: { ...(row.properties ?? {}), locales: [...LOCALES] } } });
    }
    if (missing.length) strapi.log.info(`[knowledge-base] gave the Editor and Author roles the guide's languages (${missing.length} permissions)`);
  },
});
