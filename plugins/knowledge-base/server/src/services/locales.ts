import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES } from '../shared/locales';

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
});
