export default ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: env.array('APP_KEYS') },
  // Daily site rebuild and alert digests; turn off on all but one instance when running several.
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});
