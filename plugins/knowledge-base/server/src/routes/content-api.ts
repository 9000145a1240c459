import { KB_TYPES, KB_TYPE_NAMES } from '../shared/content-types';
import { contributionRoutes } from './contribution';

/** What the world can call: read published entries, per collection, list and by slug. */
export default {
  type: 'content-api',
  routes: [
    ...KB_TYPE_NAMES.flatMap((type) => [
      { method: 'GET', path: `/${KB_TYPES[type].path}`, handler: `${type}.find`, config: { policies: [] } },
      { method: 'GET', path: `/${KB_TYPES[type].path}/:slug`, handler: `${type}.findOne`, config: { policies: [] } },
    ]),
    // Open to anyone without a role grant: the API's description, and funding-call alerts (rate-limited in the controller).
    { method: 'GET', path: '/openapi.json', handler: 'openapi.show', config: { auth: false, policies: [] } },
    { method: 'POST', path: '/alerts', handler: 'alerts.subscribe', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/alerts/confirm', handler: 'alerts.confirm', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/alerts/unsubscribe', handler: 'alerts.unsubscribePage', config: { auth: false, policies: [] } },
    { method: 'POST', path: '/alerts/unsubscribe', handler: 'alerts.unsubscribe', config: { auth: false, policies: [] } },
    ...contributionRoutes,
  ],
};
