/** Funding-call alerts: when the digest runs, how long a subscription waits for its confirmation, subscription rate limits. */
export interface AlertsConfig {
  /** Cron rule of the digest run; '' turns it off. */
  schedule: string;
  /** An unconfirmed subscription is deleted after this long. */
  confirmHours: number;
  /** Subscription requests allowed per IP within an hour, then 429 with Retry-After. */
  perIpPerHour: number;
  /** Subscription requests allowed per e-mail address within a day. */
  perAddressPerDay: number;
}

export const ALERTS_DEFAULTS: AlertsConfig = { schedule: '0 7 * * *', confirmHours: 48, perIpPerHour: 10, perAddressPerDay: 3 };

export function checkAlertsConfig(config: Partial<AlertsConfig> | undefined): string[] {
  const c = { ...ALERTS_DEFAULTS, ...config };
  const problems: string[] = [];
  if (typeof c.schedule !== 'string') problems.push("alerts.schedule must be a cron rule, or '' for none");
  if (!(typeof c.confirmHours === 'number' && c.confirmHours > 0)) problems.push('alerts.confirmHours must be > 0');
  for (const key of ['perIpPerHour', 'perAddressPerDay'] as const)
    if (!Number.isInteger(c[key]) || c[key] < 1) problems.push(`alerts.${key} must be an integer ≥ 1`);
  return problems;
}
