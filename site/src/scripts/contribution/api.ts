/** Talking to the CMS: the contributor's session token, one `call` for every request, each endpoint the page uses. */

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}
/** The CMS could not be reached at all (offline, refused, blocked). */
export class NetworkError extends Error {}

/** A field-level problem of a 400, with the path of what it is about: ['data', 'links', 1, 'url'], ['files', 0]… */
export interface FieldError {
  path: (string | number)[];
  message: string;
}
export const fieldErrors = (reply: Reply): FieldError[] => reply.body?.error?.details?.errors ?? [];
export const errorMessage = (reply: Reply): string => reply.body?.error?.message ?? '';

/** The contributor and their organisation, as `GET /contribution/me` answers (not in the plugin's shared answer types). */
export interface Contributor {
  email: string;
  organisation: { slug: string; name: string } | null;
}

/** The users-permissions JWT, kept for the tab's session only. */
const TOKEN_KEY = 'kb-contributor-jwt';
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (jwt: string) => sessionStorage.setItem(TOKEN_KEY, jwt),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

interface Request {
  method?: string;
  body?: BodyInit;
  json?: unknown;
  /** Sends the contributor's token. */
  auth?: boolean;
}
type Call = (path: string, init?: Request) => Promise<Reply>;

/** One request to the CMS, in the page's language; any answer is a Reply (a body that is not JSON becomes its message), no answer a NetworkError. */
const callTo =
  (api: string, locale: string): Call =>
  async (path, init = {}) => {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': locale };
    if (init.auth) headers.authorization = `Bearer ${token.get()}`;
    let body = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    let response: Response;
    try {
      response = await fetch(`${api}${path}`, { method: init.method ?? 'GET', headers, body });
    } catch {
      throw new NetworkError();
    }
    return { status: response.status, body: parsed(await response.text()), headers: response.headers };
  };

const parsed = (text: string): any => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { error: { message: text.slice(0, 200) } };
  }
};

const CONTRIBUTION = '/api/knowledge-base/contribution';
const submissionPath = (id: string) => `${CONTRIBUTION}/submissions/${encodeURIComponent(id)}`;

/** The endpoints, by what they do: the plugin's contribution API, its public actors, users-permissions' accounts. */
export const cmsApi = (api: string, locale: string) => {
  const call = callTo(api, locale);
  return {
    acceptInvitation: (code: string | null, password: string) =>
      call(`${CONTRIBUTION}/invitations/accept`, { method: 'POST', json: { token: code, password, locale } }),
    signIn: (identifier: string, password: string) => call('/api/auth/local', { method: 'POST', json: { identifier, password } }),
    forgotPassword: (email: string) => call('/api/auth/forgot-password', { method: 'POST', json: { email } }),
    resetPassword: (code: string | null, password: string) =>
      call('/api/auth/reset-password', { method: 'POST', json: { code, password, passwordConfirmation: password } }),
    me: () => call(`${CONTRIBUTION}/me`, { auth: true }),
    mySubmissions: () => call(`${CONTRIBUTION}/submissions`, { auth: true }),
    sendCaseStudy: (body: FormData) => call(`${CONTRIBUTION}/submissions`, { method: 'POST', body, auth: true }),
    updateCaseStudy: (id: string, body: FormData) => call(submissionPath(id), { method: 'PUT', body, auth: true }),
    proposeFicheChanges: (data: Record<string, string>) => call(`${CONTRIBUTION}/actor-updates`, { method: 'POST', json: { data }, auth: true }),
    updateFicheProposal: (id: string, data: Record<string, string>) => call(submissionPath(id), { method: 'PUT', json: { data }, auth: true }),
    // The public API, without the contributor's token: the fiche as readers see it.
    publishedActor: (slug: string, fiche: string) => call(`/api/knowledge-base/actors/${encodeURIComponent(slug)}?locale=${encodeURIComponent(fiche)}`),
  };
};
export type CmsApi = ReturnType<typeof cmsApi>;
