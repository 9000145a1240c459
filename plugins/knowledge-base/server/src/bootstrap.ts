import type { Core } from '@strapi/strapi';
import { registerAlertDigest } from './services/alert-digest-task';
import { service } from './services/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await service(strapi, 'locales').ensure();
  // On a fresh database the admin creates its roles after this bootstrap: grant once their permissions exist too.
  const grant = () => void service(strapi, 'locales').grantEditingRoles().catch((error) => strapi.log.error(error));
  strapi.db.lifecycles.subscribe({ models: ['admin::permission'], afterCreate: grant, afterCreateMany: grant });
  await service(strapi, 'locales').grantEditingRoles();
  await service(strapi, 'permissions').grantPublicRead();
  await service(strapi, 'contributors').ensureRole();
  registerAlertDigest(strapi);
  await service(strapi, 'site-builds').start();
};
