import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config';
import { service } from './get-service';

/**
 * The funding-call digest runs on Strapi's cron (config `server.cron.enabled`), once a day by default;
 * it also sends again the confirmation links whose mail failed.
 */
export function registerAlertDigest(strapi: Core.Strapi) {
  const { schedule } = pluginConfig(strapi, 'alerts');
  if (!schedule) return;
  strapi.cron.add({
    'knowledge-base-alert-digest': {
      options: { rule: schedule },
      task: async () => {
        try {
          const result = await service(strapi, 'alerts').digest(new Date());
          strapi.log.info(`[knowledge-base] alert digest: ${result.sent} sent, ${result.failed} failed, ${result.skipped} skipped, ${result.purged} expired removed, ${result.confirmationsSent} confirmation(s) sent again`);
        } catch (error) {
          strapi.log.error(`[knowledge-base] alert digest failed: ${(error as Error).message}`);
        }
      },
    },
  });
}
