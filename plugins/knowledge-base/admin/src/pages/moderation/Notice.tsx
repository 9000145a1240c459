// The page's one message: what the last action did, or why it failed.
import { Box, Typography } from '@strapi/design-system';

export interface NoticeMessage {
  kind: 'success' | 'danger';
  text: string;
}

export const Notice = ({ notice }: { notice: NoticeMessage | null }) =>
  notice && (
    <Box padding={3} marginBottom={4} background={notice.kind === 'success' ? 'success100' : 'danger100'} hasRadius role="status">
      <Typography>{notice.text}</Typography>
    </Box>
  );
