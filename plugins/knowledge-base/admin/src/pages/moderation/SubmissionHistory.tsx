// A submission's moves: when, who, to which status, with what message.
import { Box, Typography } from '@strapi/design-system';
import type { HistoryEvent } from '../../../../server/src/shared/submission-answers';
import { useMessages } from './useMessages';

export const SubmissionHistory = ({ history }: { history: HistoryEvent[] }) => {
  const { t, status } = useMessages();
  return (
    <Box marginTop={4}>
      <Typography variant="delta" tag="h3">{t('moderation.history', 'History')}</Typography>
      <ol>
        {history.map((h, i) => (
          <li key={i}><Typography>{new Date(h.at).toLocaleString()} — {h.byName ?? h.by}: {status(h.to)}{h.comment ? ` — “${h.comment}”` : ''}</Typography></li>
        ))}
      </ol>
    </Box>
  );
};
