import { join, resolve } from 'node:path';

// Strapi runs from cms/; the site project sits beside it unless KB_SITE_DIR says otherwise.
const SITE_DIR = resolve(process.env.KB_SITE_DIR || join(process.cwd(), '..', 'site'));

export default ({ env }) => ({
  'knowledge-base': {
    enabled: true,
    config: {
      // The public guide: invitation, password-reset and alert links point there.
      siteUrl: env('KB_SITE_URL') || 'http://localhost:4321',
      // The CMS as readers reach it (alert links, the OpenAPI document); '' is its own server URL.
      publicApiUrl: env('KB_PUBLIC_API_URL', ''),
      // Rebuild the public guide when editors publish (`npm start` turns this on).
      siteBuilds: {
        enabled: env.bool('KB_SITE_BUILDS', false),
        // The site's own build: Astro, then the search index in a process of its own.
        command: [process.execPath, join(SITE_DIR, 'scripts', 'build.mjs'), '--outDir', '{outDir}'],
        cwd: SITE_DIR,
        releasesDir: env('KB_SITE_RELEASES', join(SITE_DIR, '.releases')),
        current: env('KB_SITE_CURRENT', join(SITE_DIR, 'current')),
        debounceMs: env.int('KB_SITE_BUILD_DEBOUNCE_MS', 500),
        schedule: env('KB_SITE_REBUILD_CRON', '0 4 * * *'),
      },
      // The public API answers from memory between publishes; KB_API_CACHE_TTL=0 turns that off.
      publicCache: {
        ttlSeconds: env.int('KB_API_CACHE_TTL', 60),
        maxAnswers: env.int('KB_API_CACHE_MAX', 2000),
        maxBytes: env.int('KB_API_CACHE_MAX_MB', 64) * 2 ** 20,
      },
      // Member cities' contributions: who hears of them, invitations, rate limits per user and IP.
      contribution: {
        editorEmails: env.array('KB_EDITOR_EMAILS', []),
        invitationTtlHours: env.int('KB_INVITATION_TTL_HOURS', 72),
        // Contributors' files, private until accepted; never under public/.
        attachmentsDir: env('KB_ATTACHMENTS_DIR', join(process.cwd(), 'data', 'attachments')),
        rateLimit: {
          windowMs: env.int('KB_SUBMISSION_WINDOW_MS', 3_600_000),
          perUser: env.int('KB_SUBMISSIONS_PER_USER', 20),
          perIp: env.int('KB_SUBMISSIONS_PER_IP', 60),
        },
      },
      // Funding-call alerts: the digest's cron rule ('' for none), the confirmation window, subscription rate limits.
      alerts: {
        schedule: env('KB_ALERTS_SCHEDULE', '0 7 * * *'),
        confirmHours: env.int('KB_ALERTS_CONFIRM_HOURS', 48),
        perIpPerHour: env.int('KB_ALERTS_PER_IP_PER_HOUR', 10),
        perAddressPerDay: env.int('KB_ALERTS_PER_ADDRESS_PER_DAY', 3),
      },
    },
  },
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  // Notifications and alerts go out over SMTP. Without SMTP_HOST, mail goes to a local port
  // nothing listens on by default, and the plugin logs the failure instead of crashing.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        ignoreTLS: !env.bool('SMTP_SECURE', false) && !env.bool('SMTP_STARTTLS', false),
        ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'guide@aimf.example'),
        defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'guide@aimf.example')),
      },
    },
  },
});
