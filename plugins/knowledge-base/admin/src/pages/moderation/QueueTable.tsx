// The queue: one row a submission, its title opening it below.
import { Badge, Box, Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { QueueRow } from '../../../../server/src/shared/submission-answers';
import { useMessages } from './useMessages';

export const QueueTable = ({ rows, onOpen }: { rows: QueueRow[]; onOpen: (id: string) => void }) => {
  const { t, status } = useMessages();
  return (
    <Box background="neutral0" shadow="tableShadow" hasRadius>
      <Table colCount={4} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('moderation.col.title', 'Submission')}</Typography></Th>
            <Th><Typography variant="sigma">{t('moderation.col.organisation', 'Organisation')}</Typography></Th>
            <Th><Typography variant="sigma">{t('moderation.col.status', 'Status')}</Typography></Th>
            <Th><Typography variant="sigma">{t('moderation.col.age', 'Age (days)')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.length === 0 && (
            <Tr><Td colSpan={4}><Typography>{t('moderation.empty', 'Nothing to moderate with these filters.')}</Typography></Td></Tr>
          )}
          {rows.map((row) => (
            <Tr key={row.id}>
              <Td>
                <Button variant="tertiary" onClick={() => onOpen(row.id)}>{row.title}</Button>
                {row.duplicates > 0 && <Badge>{t('moderation.duplicatesCount', '{count} look-alike(s)', { count: row.duplicates })}</Badge>}
              </Td>
              <Td><Typography>{row.organisation?.name ?? '—'}</Typography></Td>
              <Td><Typography>{status(row.status)}</Typography></Td>
              <Td><Typography>{row.ageDays}</Typography></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};
