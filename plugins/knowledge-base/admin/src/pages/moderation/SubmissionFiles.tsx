// A submission's private files: images previewed, every file downloaded, always with the editor's credentials.
import { Badge, Box, Button, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import type { ModerationSubmission, SubmissionFile } from '../../../../server/src/shared/submission-answers';
import { errorText, useModerationApi } from './api';
import type { NoticeMessage } from './Notice';
import { useMessages } from './useMessages';

/** Object URLs of the submission's images, fetched again for each revision and revoked when it is left. */
const useImagePreviews = (submission: ModerationSubmission, fileUrl: (file: SubmissionFile) => Promise<string>) => {
  const [previews, setPreviews] = useState<Record<string, string>>({});
  useEffect(() => {
    let current: Record<string, string> = {};
    let cancelled = false;
    (async () => {
      for (const file of submission.attachments) {
        if (!file.mime.startsWith('image/')) continue;
        const url = await fileUrl(file).catch(() => '');
        if (cancelled) return URL.revokeObjectURL(url);
        current = { ...current, [file.id]: url };
        setPreviews(current);
      }
    })();
    return () => {
      cancelled = true;
      Object.values(current).forEach((url) => URL.revokeObjectURL(url));
      setPreviews({});
    };
  }, [submission.id, submission.revision]);
  return previews;
};

export const SubmissionFiles = ({ submission, onNotice }: { submission: ModerationSubmission; onNotice: (notice: NoticeMessage) => void }) => {
  const { t } = useMessages();
  const { fileUrl } = useModerationApi();
  const previews = useImagePreviews(submission, fileUrl);
  if (submission.attachments.length === 0) return null;

  const download = async (file: SubmissionFile) => {
    try {
      const link = Object.assign(document.createElement('a'), { href: await fileUrl(file), download: file.name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      onNotice({ kind: 'danger', text: errorText(error) });
    }
  };

  return (
    <Box marginTop={2}>
      <Typography variant="delta" tag="h3">
        {t('moderation.files', 'Files')} {submission.changedSinceRequest?.includes('attachments') && <Badge>{t('moderation.changed', 'changed')}</Badge>}
      </Typography>
      <ul>
        {submission.attachments.map((f) => (
          <li key={f.id}>
            {previews[f.id] && <img src={previews[f.id]} alt={f.name} style={{ display: 'block', maxWidth: '16rem', maxHeight: '10rem' }} />}
            <Button variant="tertiary" size="S" onClick={() => download(f)}>
              {t('moderation.download', 'Download {name}', { name: f.name })}
            </Button>{' '}
            ({f.mime}, {Math.ceil(f.size / 1024)} KB)
          </li>
        ))}
      </ul>
    </Box>
  );
};
