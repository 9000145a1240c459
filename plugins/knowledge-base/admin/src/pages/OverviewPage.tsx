import { Box, LinkButton, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';
import { trad } from '../utils';

type Row = { type: string; locale: string; published: number; drafts: number };

export const OverviewPage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    get<{ data: Row[] }>(`/${PLUGIN_ID}/overview`)
      .then((response) => setRows(response.data.data))
      .catch(() => setFailed(true));
  }, [get]);

  if (failed) return <Page.Error />;
  if (!rows) return <Page.Loading />;

  return (
    <Layouts.Root>
      <Page.Title>{formatMessage({ id: trad('overview.title'), defaultMessage: 'Knowledge base' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: trad('overview.title'), defaultMessage: 'Knowledge base' })}
        subtitle={formatMessage({ id: trad('overview.subtitle'), defaultMessage: 'What the guide holds.' })}
        primaryAction={
          <LinkButton tag={Link} to="moderation" variant="secondary">
            {formatMessage({ id: trad('moderation.title'), defaultMessage: 'Moderation' })}
          </LinkButton>
        }
        secondaryAction={
          <LinkButton tag={Link} to="builds" variant="tertiary">
            {formatMessage({ id: trad('builds.link'), defaultMessage: 'Site builds' })}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <Box background="neutral0" shadow="tableShadow" hasRadius>
          <Table colCount={4} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{formatMessage({ id: trad('overview.collection'), defaultMessage: 'Collection' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: trad('overview.locale'), defaultMessage: 'Language' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: trad('overview.published'), defaultMessage: 'Published' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: trad('overview.drafts'), defaultMessage: 'Unpublished drafts' })}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((row) => (
                <Tr key={`${row.type}-${row.locale}`}>
                  <Td><Typography>{formatMessage({ id: trad(`type.${row.type}`), defaultMessage: row.type })}</Typography></Td>
                  <Td><Typography>{row.locale}</Typography></Td>
                  <Td><Typography>{row.published}</Typography></Td>
                  <Td><Typography>{row.drafts}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
