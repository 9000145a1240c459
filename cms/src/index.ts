import type { Core } from '@strapi/strapi';

export default {
  register() {},

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
