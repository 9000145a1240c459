// The Moderation page's calls to the plugin's admin routes, typed with the answers the server's services build.
import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { EditorAction } from '../../../../server/src/shared/moderation';
import type { Locale } from '../../../../server/src/shared/locales';
import type { ModerationSubmission, OrganisationChoice, QueuePage, SubmissionFile } from '../../../../server/src/shared/submission-answers';
import { PLUGIN_ID } from '../../pluginId';

const BASE = `/${PLUGIN_ID}/moderation`;

export interface Invitation {
  email: string;
  organisation: string;
  locale: Locale;
}

export const useModerationApi = () => {
  const { get, post } = useFetchClient();
  return useMemo(
    () => ({
      /** The queue's first page with these filters (empty ones left out). */
      queue: async (filters: Record<string, string>) => {
        const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
        return (await get<QueuePage>(`${BASE}/submissions?${query}`)).data.data;
      },
      organisations: async () => (await get<{ data: OrganisationChoice[] }>(`${BASE}/organisations`)).data.data,
      submission: async (id: string) => (await get<{ data: ModerationSubmission }>(`${BASE}/submissions/${id}`)).data.data,
      /** A decision on the revision shown: the server refuses it (409) if the submission changed since. */
      decide: async (submission: ModerationSubmission, action: EditorAction, comment: string) =>
        (await post<{ data: ModerationSubmission }>(`${BASE}/submissions/${submission.id}/${action}`, { comment, revision: submission.revision })).data.data,
      invite: (invitation: Invitation) => post(`${BASE}/invitations`, invitation),
      /** A file's bytes through the authenticated route, typed as the server checked it (image or PDF). */
      fileUrl: async (file: SubmissionFile) => {
        const reply = await get<Blob>(file.url, { responseType: 'blob' });
        return URL.createObjectURL(new Blob([reply.data], { type: file.mime }));
      },
    }),
    [get, post],
  );
};

/** What the server said was wrong: its field-level messages (already in the editor's language), else its message. */
export const errorText = (error: any): string =>
  error?.response?.data?.error?.details?.errors?.map((e: { message: string }) => e.message).join(' ') || error?.response?.data?.error?.message || String(error);
