import { KB_TYPES, KB_TYPE_NAMES } from '../shared/content-types';

/** What the world can call: read published entries, per collection, list and by slug. */
export default {
  type: 'content-api',
  routes: KB_TYPE_NAMES.flatMap((type) => [
    { method: 'GET', path: `/${KB_TYPES[type].path}`, handler: `${type}.find`, config: { policies: [] } },
    { method: 'GET', path: `/${KB_TYPES[type].path}/:slug`, handler: `${type}.findOne`, config: { policies: [] } },
  ]),
};
