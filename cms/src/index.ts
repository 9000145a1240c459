import { factories, type Core } from '@strapi/strapi';

/**
 * Strapi's own REST API for case studies, served only when the apiLatency benchmark compares the
 * plugin's API with it (KB_BENCH_CORE_REST=true): the plugin's types have no core routes otherwise.
 */
function serveCoreRestForBenchmark(strapi: Core.Strapi) {
  const uid = 'plugin::knowledge-base.case-study' as any;
  strapi.get('services').set(uid, factories.createCoreService(uid));
  const contentType = strapi.contentType(uid);
  // Like the plugin's API, no users-permissions check on populated relations: the same work, compared.
  const controller = factories.createCoreController(uid, () => ({
    sanitizeQuery: (ctx: any) => strapi.contentAPI.sanitize.query(ctx.query, contentType),
    validateQuery: (ctx: any) => strapi.contentAPI.validate.query(ctx.query, contentType),
    sanitizeOutput: (data: any) => strapi.contentAPI.sanitize.output(data, contentType),
  }) as any)({ strapi }) as any;
  strapi.server.routes({
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/bench-core/case-studies', handler: (ctx: any) => controller.find(ctx), config: { auth: false } },
      { method: 'GET', path: '/bench-core/case-studies/:id', handler: (ctx: any) => controller.findOne(ctx), config: { auth: false } },
    ],
  } as any);
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.KB_BENCH_CORE_REST === 'true') serveCoreRestForBenchmark(strapi);
  },

  /** First run: the admin account named in the environment (written by `npm start`). */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const email = process.env.ADMIN_EMAIL;
    const password = process.env.ADMIN_PASSWORD;
    if (!email || !password) return;
    const users = strapi.service('admin::user');
    if (await users.exists()) return;
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await users.create({
      email,
      password,
      firstname: 'Admin',
      lastname: 'Knowledge base',
      isActive: true,
      registrationToken: null,
      roles: superAdmin ? [superAdmin.id] : [],
    });
    strapi.log.info(`Created the first admin account: ${email}`);
  },
};
