export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    // The site's contribution page calls the API from the browser with a Bearer token (no cookies).
    name: 'strapi::cors',
    config: {
      origin: (process.env.KB_SITE_ORIGINS || `http://localhost:${process.env.SITE_PORT || 4321},http://127.0.0.1:${process.env.SITE_PORT || 4321}`)
        .split(',')
        .map((origin) => origin.trim().replace(/\/+$/, ''))
        .filter(Boolean),
      credentials: false,
      expose: ['Retry-After'],
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
