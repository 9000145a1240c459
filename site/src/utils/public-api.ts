/** Where readers' browsers reach the CMS (the alert form posts there): `KB_PUBLIC_API_URL`, else `KB_API_URL`; none when the guide is built from the seed alone. */
export const publicApiUrl = (): string | undefined => (process.env.KB_PUBLIC_API_URL || process.env.KB_API_URL || '').replace(/\/$/, '') || undefined;
