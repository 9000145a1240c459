export default ({ env }) => ({
  'knowledge-base': { enabled: true },
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
