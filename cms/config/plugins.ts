export default ({ env }) => ({
  'knowledge-base': { enabled: true },
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
});
