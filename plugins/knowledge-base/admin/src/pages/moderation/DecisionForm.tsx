// The editor's decision on a submission: a message to the contributor, and the actions its status allows.
import { Box, Button, Field, Flex, Textarea } from '@strapi/design-system';
import { useState } from 'react';
import type { EditorAction } from '../../../../server/src/shared/moderation';
import { useMessages } from './useMessages';

const BUTTONS: Record<EditorAction, { id: string; defaultMessage: string; variant?: 'secondary' | 'danger-light' }> = {
  accept: { id: 'moderation.accept', defaultMessage: 'Accept and publish' },
  'request-changes': { id: 'moderation.requestChanges', defaultMessage: 'Request changes', variant: 'secondary' },
  reject: { id: 'moderation.reject', defaultMessage: 'Reject', variant: 'danger-light' },
};

/** `onDecide` answers whether the decision was taken: the message is then cleared. */
export const DecisionForm = ({ actions, onDecide }: { actions: EditorAction[]; onDecide: (action: EditorAction, comment: string) => Promise<boolean> }) => {
  const { t } = useMessages();
  const [comment, setComment] = useState('');
  const decide = async (action: EditorAction) => {
    if (await onDecide(action, comment)) setComment('');
  };
  return (
    <Box marginTop={4}>
      <Field.Root name="comment" hint={t('moderation.commentHint', 'Required to request changes or reject: the contributor receives it by e-mail.')}>
        <Field.Label>{t('moderation.comment', 'Message to the contributor')}</Field.Label>
        <Textarea value={comment} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Flex gap={2} marginTop={3} wrap="wrap">
        {actions.map((action) => (
          <Button key={action} variant={BUTTONS[action].variant} onClick={() => decide(action)}>
            {t(BUTTONS[action].id, BUTTONS[action].defaultMessage)}
          </Button>
        ))}
      </Flex>
    </Box>
  );
};
