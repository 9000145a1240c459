// One submission, below the queue: what it holds, its files, its look-alikes, its history, and the decision on it.
import { Box, Typography } from '@strapi/design-system';
import { useEffect } from 'react';
import { allowedActions, type EditorAction } from '../../../../server/src/shared/moderation';
import type { ModerationSubmission } from '../../../../server/src/shared/submission-answers';
import { DecisionForm } from './DecisionForm';
import { LookAlikes } from './LookAlikes';
import type { NoticeMessage } from './Notice';
import { SubmissionContent } from './SubmissionContent';
import { SubmissionFiles } from './SubmissionFiles';
import { SubmissionHistory } from './SubmissionHistory';
import { useMessages } from './useMessages';

interface Props {
  submission: ModerationSubmission;
  /** Counts the openings: each one brings the heading into view and focus, and starts a fresh message. */
  opened: number;
  onDecide: (action: EditorAction, comment: string) => Promise<boolean>;
  onNotice: (notice: NoticeMessage) => void;
}

export const SubmissionDetail = ({ submission, opened, onDecide, onNotice }: Props) => {
  const { t, status, field } = useMessages();
  useEffect(() => {
    const heading = document.getElementById('kb-moderation-detail');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }, [opened]);
  const actions = allowedActions(submission.status);
  const changed = submission.changedSinceRequest;

  return (
    <Box background="neutral0" shadow="tableShadow" hasRadius padding={5}>
      <Typography variant="beta" tag="h2" id="kb-moderation-detail" tabIndex={-1} style={{ scrollMarginTop: '7rem' }}>{submission.title}</Typography>
      <Typography textColor="neutral600" tag="p">
        {t(`moderation.kind.${submission.kind}`, submission.kind)} · {submission.locale} · {status(submission.status)} · {submission.contributor}
      </Typography>
      {changed && (
        <Box marginTop={3} padding={3} background="warning100" hasRadius>
          <Typography>
            {changed.length
              ? t('moderation.changedSince', 'Changed since you asked for changes: {fields}', { fields: changed.map(field).join(', ') })
              : t('moderation.unchangedSince', 'Nothing changed since you asked for changes.')}
          </Typography>
        </Box>
      )}
      <SubmissionContent submission={submission} />
      <SubmissionFiles submission={submission} onNotice={onNotice} />
      <LookAlikes duplicates={submission.duplicates} />
      <SubmissionHistory history={submission.history} />
      {actions.length > 0 && <DecisionForm key={opened} actions={actions} onDecide={onDecide} />}
    </Box>
  );
};
