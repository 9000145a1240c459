/** Member cities' contributions: invitations, who hears of new submissions, submission rate limits. */
export interface ContributionConfig {
  /** How long an invitation link can be used. */
  invitationTtlHours: number;
  /** Who is told of new submissions; empty means every active admin user. */
  editorEmails: string[];
  /** Submissions (creates and edits) allowed per user and per IP within the window. */
  rateLimit: { windowMs: number; perUser: number; perIp: number };
  /** Where contributors' files are kept, outside any public folder; '' is `data/attachments` in the app. */
  attachmentsDir: string;
}

export const CONTRIBUTION_DEFAULTS: ContributionConfig = {
  invitationTtlHours: 72,
  editorEmails: [],
  rateLimit: { windowMs: 3_600_000, perUser: 20, perIp: 60 },
  attachmentsDir: '',
};

export function checkContributionConfig(config: Partial<ContributionConfig> | undefined): string[] {
  const c = { ...CONTRIBUTION_DEFAULTS, ...config, rateLimit: { ...CONTRIBUTION_DEFAULTS.rateLimit, ...config?.rateLimit } };
  const problems: string[] = [];
  if (config && Object.prototype.hasOwnProperty.call(config, 'siteUrl')) problems.push('contribution.siteUrl is now siteUrl, at the top of the config: alerts link to the site too');
  if (!(c.invitationTtlHours > 0)) problems.push('contribution.invitationTtlHours must be > 0');
  if (typeof c.attachmentsDir !== 'string') problems.push('contribution.attachmentsDir must be a path');
  if (!Array.isArray(c.editorEmails) || c.editorEmails.some((e) => typeof e !== 'string')) problems.push('contribution.editorEmails must be a list of e-mail addresses');
  for (const key of ['windowMs', 'perUser', 'perIp'] as const)
    if (!Number.isInteger(c.rateLimit[key]) || c.rateLimit[key] < 1) problems.push(`contribution.rateLimit.${key} must be an integer ≥ 1`);
  return problems;
}

