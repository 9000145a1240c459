import type { Core } from '@strapi/strapi';
import { registerAlertDigest } from './services/alert-digest-task';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('knowledge-base');
  await plugin.service('locales').ensure();
  await plugin.service('permissions').grantPublicRead();
  await plugin.service('contributors').ensureRole();
  registerAlertDigest(strapi);
  await plugin.service('site-builds').start();
};
