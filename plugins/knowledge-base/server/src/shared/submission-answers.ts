// What the submission and moderation routes answer, as JSON: typed once for the services that build it and the pages that read it.
import type { Locale } from './locales';
import type { SubmissionKind, SubmissionStatus } from './moderation';

/** A submission's private file, fetched through the reader's own authenticated route (`url`). */
export interface SubmissionFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  url: string;
}

/** An entry that looks like the submitted one; `submission` and `status` only when the reader may see the submission behind it. */
export interface LookAlike {
  documentId: string;
  slug: string;
  title: string;
  locale: Locale;
  city?: string | null;
  country?: string | null;
  published: boolean;
  reason: 'same-link' | 'same-place-similar-title';
  submission?: string;
  status?: SubmissionStatus;
}

/** One move of a submission's status; editors also see who made it (`byName`). */
export interface HistoryEvent {
  from: SubmissionStatus | null;
  to: SubmissionStatus;
  at: string;
  by: 'contributor' | 'editor';
  byName?: string;
  comment: string | null;
}

/** A submission as its reader sees it: the proposed content, files, look-alikes, history. */
export interface SubmissionView {
  id: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  locale: Locale;
  title: string;
  organisation: { documentId: string; slug: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  /** The contributor may still change it. */
  editable: boolean;
  /** The editor's last message. */
  comment: string | null;
  content: Record<string, unknown> | null;
  /** The revision this view shows; a decision or an edit carries it, and is refused if the submission changed since. */
  revision: number;
  attachments: SubmissionFile[];
  duplicates: LookAlike[];
  history: HistoryEvent[];
}

/** What only editors see of a submission. */
export interface EditorDetails {
  caseStudyDocumentId?: string | null;
  contributorUserId?: number;
  /** A fiche proposal's fields as published now, beside what is proposed. */
  current?: Record<string, unknown>;
  /** Resubmitted: the fields (and `attachments`) that differ from what the editor saw when asking for changes. */
  changedSinceRequest?: string[];
}

/** One submission on the Moderation page (GET /moderation/submissions/:id, and the answer to a decision). */
export type ModerationSubmission = SubmissionView & EditorDetails & { contributor: string | null };

/** One row of the editors' queue (GET /moderation/submissions). */
export interface QueueRow {
  id: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  locale: Locale;
  title: string;
  organisation: { documentId: string; name: string } | null;
  /** The contributor's e-mail. */
  contributor: string;
  createdAt: string;
  updatedAt: string;
  ageDays: number;
  /** How many existing entries look like it. */
  duplicates: number;
}

export interface QueuePage {
  data: QueueRow[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** An actor fiche an editor can invite for or filter by (GET /moderation/organisations). */
export interface OrganisationChoice {
  documentId: string;
  slug: string;
  name: string;
  type: string | null;
}
