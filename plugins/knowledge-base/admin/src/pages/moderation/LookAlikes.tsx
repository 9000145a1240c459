// The existing entries a submission looks like, and why.
import { Box, Typography } from '@strapi/design-system';
import type { LookAlike } from '../../../../server/src/shared/submission-answers';
import { useMessages } from './useMessages';

export const LookAlikes = ({ duplicates }: { duplicates: LookAlike[] }) => {
  const { t, status } = useMessages();
  return (
    <Box marginTop={4}>
      <Typography variant="delta" tag="h3">{t('moderation.duplicates', 'Possible duplicates')}</Typography>
      {duplicates.length === 0 ? (
        <Typography tag="p">{t('moderation.noDuplicates', 'No existing entry looks like this one.')}</Typography>
      ) : (
        <ul>
          {duplicates.map((d) => (
            <li key={`${d.documentId}-${d.locale}`}>
              <Typography>{d.title} ({d.locale}, {d.published ? t('moderation.published', 'published') : status(d.status ?? 'submitted')}) — {t(`moderation.reason.${d.reason}`, d.reason)}</Typography>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
};
