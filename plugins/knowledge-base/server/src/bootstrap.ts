import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('knowledge-base');
  await plugin.service('locales').ensure();
  await plugin.service('permissions').grantPublicRead();
};
