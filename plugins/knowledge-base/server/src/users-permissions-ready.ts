import type { Core } from '@strapi/strapi';

/**
 * Runs `then` once users-permissions has its roles and default permissions. On a fresh database
 * it creates them after this plugin's bootstrap, and grants its defaults (login, register…) only
 * while no permission exists at all — so nothing may be granted before it has finished.
 */
export async function whenUsersPermissionsReady(strapi: Core.Strapi, then: () => Promise<unknown>) {
  if (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })) return void (await then());
  const service = strapi.plugin('users-permissions').service('users-permissions') as { initialize: () => Promise<unknown> };
  const initialize = service.initialize.bind(service);
  service.initialize = async () => {
    const result = await initialize();
    await then();
    return result;
  };
}
