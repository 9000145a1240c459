// A submission's fields, named in the editor's language; a fiche proposal beside the fiche as published.
import { Badge, Box, Typography } from '@strapi/design-system';
import type { ModerationSubmission } from '../../../../server/src/shared/submission-answers';
import { isEmpty, readable, text } from './readable';
import { useMessages } from './useMessages';

export const SubmissionContent = ({ submission }: { submission: ModerationSubmission }) => {
  const { t, field } = useMessages();
  const { content, current, changedSinceRequest } = submission;
  return (
    <Box marginTop={4} tag="dl">
      {Object.entries(content ?? {}).filter(([key, v]) => !isEmpty(v) || current?.[key]).map(([key, value]) => (
        <Box key={key} marginBottom={2}>
          <Typography variant="sigma" tag="dt">
            {field(key)} {changedSinceRequest?.includes(key) && <Badge>{t('moderation.changed', 'changed')}</Badge>}
          </Typography>
          {/* Shown as text: contributors' content is never rendered as HTML here. */}
          {current ? (
            <>
              <Typography tag="dd" textColor="neutral600" style={{ whiteSpace: 'pre-wrap' }}>
                {t('moderation.current', 'Published now')}: {text(current[key]) || '—'}
              </Typography>
              <Typography tag="dd" style={{ whiteSpace: 'pre-wrap' }}>
                {t('moderation.proposed', 'Proposed')}: {text(value) || '—'}
              </Typography>
            </>
          ) : (
            <Typography tag="dd" style={{ whiteSpace: 'pre-wrap' }}>{readable(value)}</Typography>
          )}
        </Box>
      ))}
    </Box>
  );
};
