import type { Core } from '@strapi/strapi';
import { service } from '../services/get-service';
import { callerLocale, translate } from '../translations';

const builds = (strapi: Core.Strapi) => service(strapi, 'site-builds');

/** Editors see the site's build history and can ask for a rebuild. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    ctx.body = { data: await builds(strapi).history(), meta: builds(strapi).status() };
  },

  async rebuild(ctx: any) {
    const service = builds(strapi);
    if (!service.enabled) {
      ctx.status = 409;
      ctx.body = { error: { status: 409, name: 'ConflictError', message: translate(callerLocale(ctx.query ?? {}, ctx.get('accept-language')), 'error.siteBuildsOff') } };
      return;
    }
    service.request(`requested by ${ctx.state.user?.email ?? 'an editor'}`);
    ctx.status = 202;
    ctx.body = { meta: service.status() };
  },
});
