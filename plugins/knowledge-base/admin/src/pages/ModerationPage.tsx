// The editors' moderation page: the queue with filters, one submission beside its look-alikes, decisions, invitations.
import { Grid } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import type { EditorAction } from '../../../server/src/shared/moderation';
import type { ModerationSubmission, OrganisationChoice, QueueRow } from '../../../server/src/shared/submission-answers';
import { errorText, useModerationApi } from './moderation/api';
import { InvitationForm } from './moderation/InvitationForm';
import { Notice, type NoticeMessage } from './moderation/Notice';
import { QueueFilters, WAITING, type QueueFilterValues } from './moderation/QueueFilters';
import { QueueTable } from './moderation/QueueTable';
import { SubmissionDetail } from './moderation/SubmissionDetail';
import { useMessages } from './moderation/useMessages';

export const ModerationPage = () => {
  const { t } = useMessages();
  const api = useModerationApi();
  const [filters, setFilters] = useState<QueueFilterValues>({ status: WAITING, organisation: '', olderThanDays: '' });
  const [rows, setRows] = useState<QueueRow[] | null>(null);
  const [organisations, setOrganisations] = useState<OrganisationChoice[]>([]);
  const [detail, setDetail] = useState<ModerationSubmission | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  /** Counts submissions opened, so each opening moves the focus to the detail. */
  const [opened, setOpened] = useState(0);

  const load = useCallback(async () => {
    try {
      setRows(await api.queue(filters));
    } catch {
      setNotice({ kind: 'danger', text: t('moderation.loadError', 'The queue could not be loaded.') });
    }
  }, [filters, api, t]);

  useEffect(() => void load(), [load]);
  useEffect(() => {
    api.organisations().then(setOrganisations).catch(() => undefined);
  }, [api]);

  const open = async (id: string) => {
    setDetail(await api.submission(id));
    setOpened((n) => n + 1);
  };

  const decide = async (action: EditorAction, comment: string) => {
    if (!detail) return false;
    try {
      setDetail(await api.decide(detail, action, comment));
      setNotice({ kind: 'success', text: t(`moderation.done.${action}`, 'Done.') });
      void load();
      return true;
    } catch (error: any) {
      setNotice({ kind: 'danger', text: errorText(error) });
      // Changed since it was opened: show the new revision, so the next decision is about what it holds now.
      if (error?.status === 409) await api.submission(detail.id).then(setDetail, () => undefined);
      return false;
    }
  };

  if (!rows) return <Page.Loading />;

  return (
    <Layouts.Root>
      <Page.Title>{t('moderation.title', 'Moderation')}</Page.Title>
      <Layouts.Header title={t('moderation.title', 'Moderation')} subtitle={t('moderation.subtitle', 'What member cities sent: nothing is public before you accept it.')} />
      <Layouts.Content>
        <Notice notice={notice} />
        <QueueFilters filters={filters} organisations={organisations} onChange={setFilters} />
        <Grid.Root gap={4}>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <QueueTable rows={rows} onOpen={open} />
          </Grid.Item>
          {/* Below the queue, full width; opening a submission brings its heading into view and focus. */}
          {detail && (
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <SubmissionDetail submission={detail} opened={opened} onDecide={decide} onNotice={setNotice} />
            </Grid.Item>
          )}
        </Grid.Root>
        <InvitationForm organisations={organisations} onNotice={setNotice} />
      </Layouts.Content>
    </Layouts.Root>
  );
};
