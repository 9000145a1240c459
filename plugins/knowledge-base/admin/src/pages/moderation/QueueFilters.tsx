// The queue's filters: which statuses, which organisation, waiting how long.
import { Field, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { SUBMISSION_STATUSES, WAITING_FOR_EDITOR } from '../../../../server/src/shared/moderation';
import type { OrganisationChoice } from '../../../../server/src/shared/submission-answers';
import { useMessages } from './useMessages';

/** As the queue route reads them: statuses comma-separated, empty values left out. */
export type QueueFilterValues = { status: string; organisation: string; olderThanDays: string };

/** What the page opens on: what waits for an editor. */
export const WAITING = WAITING_FOR_EDITOR.join(',');

export const QueueFilters = ({ filters, organisations, onChange }: { filters: QueueFilterValues; organisations: OrganisationChoice[]; onChange: (filters: QueueFilterValues) => void }) => {
  const { t, status } = useMessages();
  return (
    <Flex gap={4} marginBottom={4} alignItems="flex-end" wrap="wrap">
      <Field.Root name="status">
        <Field.Label>{t('moderation.filter.status', 'Status')}</Field.Label>
        <SingleSelect value={filters.status} onChange={(v: string | number) => onChange({ ...filters, status: String(v) })}>
          <SingleSelectOption value={WAITING}>{t('moderation.filter.waiting', 'Waiting for an editor')}</SingleSelectOption>
          {SUBMISSION_STATUSES.map((s) => <SingleSelectOption key={s} value={s}>{status(s)}</SingleSelectOption>)}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="organisation">
        <Field.Label>{t('moderation.filter.organisation', 'Organisation')}</Field.Label>
        <SingleSelect value={filters.organisation} onChange={(v: string | number) => onChange({ ...filters, organisation: String(v) })} onClear={() => onChange({ ...filters, organisation: '' })}>
          {organisations.map((o) => <SingleSelectOption key={o.documentId} value={o.documentId}>{o.name}</SingleSelectOption>)}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="olderThanDays">
        <Field.Label>{t('moderation.filter.age', 'Waiting for at least (days)')}</Field.Label>
        <TextInput type="number" min={0} value={filters.olderThanDays} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...filters, olderThanDays: e.target.value })} />
      </Field.Root>
    </Flex>
  );
};
