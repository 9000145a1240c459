/** `host:port/admin/` (a CSP source with a path); 'self' where the host cannot be written so (IPv6, none). */
const adminScripts = (host = '') => (/^[\w.-]+(:\d+)?$/.test(host) ? `${host}/admin/` : "'self'");

export default [
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        directives: {
          // The admin panel's own scripts, and nothing else of this origin: a file under /uploads
          // never runs here, whatever its type (Strapi's default is all of 'self').
          'script-src': [(req: { headers: { host?: string } }) => adminScripts(req.headers.host)],
        },
      },
    },
  },
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
