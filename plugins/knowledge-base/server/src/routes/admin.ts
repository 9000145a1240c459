import { moderationRoutes } from './moderation';

/** What editors can call from the admin panel. */
export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/overview',
      handler: 'overview.show',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/alerts/digest',
      handler: 'alerts.digest',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'GET',
      path: '/site-builds',
      handler: 'site-builds.list',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/site-builds',
      handler: 'site-builds.rebuild',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    ...moderationRoutes,
  ],
};
