import { existsSync, readdirSync } from 'node:fs';
import type { SmtpSink } from './smtp-sink';
import type { TestCms } from './harness';

/** Test helpers of the contribution flow: a contributor's requests, and onboarding one through real mail. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PASSWORD = 'Contrib-Passw0rd';

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export const call = async (cms: TestCms, path: string, init: RequestInit & { jwt?: string; lang?: string } = {}): Promise<Reply> => {
  const { jwt, lang, ...rest } = init;
  const headers: Record<string, string> = { ...(rest.headers as Record<string, string>) };
  if (jwt) headers.authorization = `Bearer ${jwt}`;
  if (lang) headers['accept-language'] = lang;
  if (typeof rest.body === 'string') headers['content-type'] ??= 'application/json';
  const response = await fetch(`${cms.url}${path}`, { ...rest, headers });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (e.g. 405 text)
  }
  return { status: response.status, body, headers: response.headers };
};

export const kb = (cms: TestCms, path: string, init: Parameters<typeof call>[2] = {}) => call(cms, `/api/knowledge-base${path}`, init);

export const multipart = (data: unknown, files: { name: string; content: Buffer; type?: string; field?: string }[]) => {
  const form = new FormData();
  form.append('data', typeof data === 'string' ? data : JSON.stringify(data));
  for (const f of files) form.append(f.field ?? 'files', new Blob([new Uint8Array(f.content)], { type: f.type ?? 'application/octet-stream' }), f.name);
  return form;
};

/** Contributors' files kept by the CMS (private until accepted). */
export const storedAttachments = (cms: TestCms) => (existsSync(cms.env.KB_ATTACHMENTS_DIR) ? readdirSync(cms.env.KB_ATTACHMENTS_DIR).length : 0);

export const tokenOf = (text: string) => /invitation=([A-Za-z0-9_-]+)/.exec(text)?.[1];

/** Invites `email` for `organisation` as the editor, takes the link from the e-mail, sets a password, logs in. */
export async function onboard(cms: TestCms, smtp: SmtpSink, email: string, organisation: string, locale = 'fr') {
  const invited = await cms.admin('/knowledge-base/moderation/invitations', { method: 'POST', body: JSON.stringify({ email, organisation, locale }) });
  if (invited.status !== 201) throw new Error(`invitation failed: ${invited.status} ${await invited.text()}`);
  const mail = await smtp.waitFor((m) => m.to.includes(email) && Boolean(tokenOf(m.text)));
  const accepted = await kb(cms, '/contribution/invitations/accept', { method: 'POST', body: JSON.stringify({ token: tokenOf(mail.text), password: PASSWORD }) });
  if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}\n${mail.text}`);
  return login(cms, email);
}

export async function login(cms: TestCms, email: string, password = PASSWORD) {
  const reply = await call(cms, '/api/auth/local', { method: 'POST', body: JSON.stringify({ identifier: email, password }) });
  if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.jwt as string;
}

export const caseStudy = (overrides: Record<string, unknown> = {}) => ({
  locale: 'fr',
  title: 'Compostage partagé des quartiers',
  summary: 'Des composteurs de quartier gérés par les habitants.',
  body: 'Le projet a commencé en 2021.',
  yearStart: 2021,
  stage: 'pilot',
  themes: ['dechets'],
  sdgs: [11, 12],
  partners: [{ actor: 'fonds-fixture' }, { name: 'Association des habitants' }],
  results: [{ indicator: 'composteurs installés', value: 14, unit: 'composteurs', year: 2023 }],
  lessons: ['Former des référents.'],
  links: [{ label: 'Présentation', url: 'https://example.org/compost' }],
  ...overrides,
});
