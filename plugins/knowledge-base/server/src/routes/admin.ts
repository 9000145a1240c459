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
  ],
};
