import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config';
import { createRateLimit, hitAll, type RateLimit } from './rate-limit';

/** Submission rate limits per user and per IP (config `contribution.rateLimit`), counted together. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let limits: { user: RateLimit; ip: RateLimit } | undefined;
  const current = () => {
    if (limits) return limits;
    const { windowMs, perUser, perIp } = pluginConfig(strapi, 'contribution').rateLimit;
    return (limits = { user: createRateLimit(perUser, windowMs), ip: createRateLimit(perIp, windowMs) });
  };

  return {
    /** Counts one attempt for the user and the IP; returns the seconds to wait when over a limit, else 0. */
    hit(userId: number, ip: string): number {
      const { user, ip: byIp } = current();
      return hitAll([[user, String(userId)], [byIp, ip]]);
    },
  };
};
