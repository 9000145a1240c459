// Inviting a contributor: an e-mail address, the organisation it speaks for, the language of its e-mails.
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES } from '../../../../server/src/shared/locales';
import type { OrganisationChoice } from '../../../../server/src/shared/submission-answers';
import { errorText, useModerationApi, type Invitation } from './api';
import type { NoticeMessage } from './Notice';
import { useMessages } from './useMessages';

export const InvitationForm = ({ organisations, onNotice }: { organisations: OrganisationChoice[]; onNotice: (notice: NoticeMessage) => void }) => {
  const { t } = useMessages();
  const api = useModerationApi();
  const [invite, setInvite] = useState<Invitation>({ email: '', organisation: '', locale: DEFAULT_LOCALE });

  const send = async () => {
    try {
      await api.invite(invite);
      onNotice({ kind: 'success', text: t('moderation.invite.sent', 'Invitation sent to {email}.', { email: invite.email }) });
      setInvite({ ...invite, email: '' });
    } catch (error) {
      onNotice({ kind: 'danger', text: errorText(error) });
    }
  };

  return (
    <Box marginTop={6} background="neutral0" shadow="tableShadow" hasRadius padding={5} tag="section">
      <Typography variant="beta" tag="h2">{t('moderation.invite.title', 'Invite a contributor')}</Typography>
      <Flex gap={4} marginTop={3} alignItems="flex-end" wrap="wrap">
        <Field.Root name="email" required>
          <Field.Label>{t('moderation.invite.email', 'E-mail')}</Field.Label>
          <TextInput type="email" value={invite.email} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setInvite({ ...invite, email: e.target.value })} />
        </Field.Root>
        <Field.Root name="inviteOrganisation" required>
          <Field.Label>{t('moderation.invite.organisation', 'Organisation (actor fiche)')}</Field.Label>
          <SingleSelect value={invite.organisation} onChange={(v: string | number) => setInvite({ ...invite, organisation: String(v) })}>
            {organisations.map((o) => <SingleSelectOption key={o.documentId} value={o.documentId}>{o.name}</SingleSelectOption>)}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="inviteLocale">
          <Field.Label>{t('moderation.invite.locale', 'Language of the e-mails')}</Field.Label>
          {/* Each language named in itself, whatever the editor's language. */}
          <SingleSelect value={invite.locale} onChange={(v: string | number) => setInvite({ ...invite, locale: String(v) as Invitation['locale'] })}>
            {LOCALES.map((locale) => <SingleSelectOption key={locale} value={locale}>{LOCALE_NAMES[locale]}</SingleSelectOption>)}
          </SingleSelect>
        </Field.Root>
        <Button onClick={send}>{t('moderation.invite.send', 'Send the invitation')}</Button>
      </Flex>
    </Box>
  );
};
