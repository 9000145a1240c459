import type { Core } from '@strapi/strapi';
import { contributionConfig } from '../config/contribution';

/**
 * Submission rate limits per user and per IP, in memory: a sliding window of attempt times.
 * Enough for one CMS process; limits reset on restart, which errs on the side of letting cities in.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const attempts = new Map<string, number[]>();
  const config = () => contributionConfig(strapi).rateLimit;

  return {
    /** Counts one attempt for the user and the IP; returns the seconds to wait when over a limit, else 0. */
    hit(userId: number, ip: string): number {
      const { windowMs, perUser, perIp } = config();
      const now = Date.now();
      let wait = 0;
      for (const [key, max] of [[`user:${userId}`, perUser], [`ip:${ip}`, perIp]] as const) {
        const recent = (attempts.get(key) ?? []).filter((t) => t > now - windowMs);
        if (recent.length >= max) wait = Math.max(wait, Math.ceil((recent[0] + windowMs - now) / 1000));
        attempts.set(key, recent);
      }
      if (wait) return wait;
      for (const key of [`user:${userId}`, `ip:${ip}`]) attempts.get(key)!.push(now);
      if (attempts.size > 10_000) for (const [key, times] of attempts) if (!times.some((t) => t > now - windowMs)) attempts.delete(key);
      return 0;
    },
  };
};
