import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { trad } from '../utils';

type Build = {
  id: number;
  reasons: string[] | null;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  durationMs: number | null;
  phases: { fetch: number; render: number; index: number } | null;
  pages: number | null;
  logTail: string | null;
};
type Status = { enabled: boolean; state: 'off' | 'idle' | 'waiting' | 'building'; served: string | null };

const seconds = (ms: number | null | undefined) => (ms == null ? '—' : `${(ms / 1000).toFixed(1)} s`);
const BADGE = { running: 'secondary', succeeded: 'success', failed: 'danger' } as const;

/** The public site's build history, and a button to rebuild by hand. */
export const SiteBuildsPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [builds, setBuilds] = useState<Build[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<number | null>(null);

  const load = useCallback(
    () =>
      get<{ data: Build[]; meta: Status }>(`/${PLUGIN_ID}/site-builds`)
        .then((response) => {
          setBuilds(response.data.data);
          setStatus(response.data.meta);
        })
        .catch(() => setFailed(true)),
    [get],
  );

  useEffect(() => {
    load();
  }, [load]);

  // While a build waits or runs, follow it.
  useEffect(() => {
    if (!status || status.state === 'idle' || status.state === 'off') return;
    const timer = setInterval(load, 2000);
    return () => clearInterval(timer);
  }, [status, load]);

  const rebuild = async () => {
    try {
      await post(`/${PLUGIN_ID}/site-builds`, {});
      toggleNotification({ type: 'success', message: formatMessage({ id: trad('builds.requested'), defaultMessage: 'Rebuild requested.' }) });
      await load();
    } catch {
      toggleNotification({ type: 'danger', message: formatMessage({ id: trad('builds.requestFailed'), defaultMessage: 'The rebuild could not be requested.' }) });
    }
  };

  if (failed) return <Page.Error />;
  if (!builds || !status) return <Page.Loading />;

  const title = formatMessage({ id: trad('builds.title'), defaultMessage: 'Site builds' });
  return (
    <Layouts.Root>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: trad(`builds.state.${status.state}`),
          defaultMessage: 'Publishing rebuilds the public guide.',
        })}
        primaryAction={
          <Button startIcon={<ArrowClockwise />} onClick={rebuild} disabled={!status.enabled}>
            {formatMessage({ id: trad('builds.rebuild'), defaultMessage: 'Rebuild now' })}
          </Button>
        }
      />
      <Layouts.Content>
        {builds.length === 0 ? (
          <Typography>{formatMessage({ id: trad('builds.none'), defaultMessage: 'No build yet.' })}</Typography>
        ) : (
          <Box background="neutral0" shadow="tableShadow" hasRadius>
            <Table colCount={6} rowCount={builds.length + 1}>
              <Thead>
                <Tr>
                  {['started', 'reasons', 'result', 'duration', 'phases', 'pages'].map((column) => (
                    <Th key={column}>
                      <Typography variant="sigma">{formatMessage({ id: trad(`builds.${column}`), defaultMessage: column })}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {builds.map((build) => (
                  <Tr key={build.id}>
                    <Td><Typography>{formatDate(build.startedAt, { dateStyle: 'short', timeStyle: 'medium' })}</Typography></Td>
                    <Td><Typography>{(build.reasons ?? []).join(', ')}</Typography></Td>
                    <Td>
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        <Badge variant={BADGE[build.status]}>
                          {formatMessage({ id: trad(`builds.status.${build.status}`), defaultMessage: build.status })}
                        </Badge>
                        {build.status === 'failed' && build.logTail ? (
                          <Button variant="ghost" size="S" onClick={() => setOpen(open === build.id ? null : build.id)}>
                            {formatMessage({ id: trad('builds.log'), defaultMessage: 'Log' })}
                          </Button>
                        ) : null}
                        {open === build.id ? (
                          <Box padding={2} background="neutral100" maxWidth="40rem" overflow="auto">
                            <pre style={{ whiteSpace: 'pre-wrap', fontSize: '1.2rem' }}>{build.logTail}</pre>
                          </Box>
                        ) : null}
                      </Flex>
                    </Td>
                    <Td><Typography>{seconds(build.durationMs)}</Typography></Td>
                    <Td>
                      <Typography>
                        {build.phases
                          ? formatMessage(
                              { id: trad('builds.phaseList'), defaultMessage: 'fetch {fetch}, render {render}, index {index}' },
                              { fetch: seconds(build.phases.fetch), render: seconds(build.phases.render), index: seconds(build.phases.index) },
                            )
                          : '—'}
                      </Typography>
                    </Td>
                    <Td><Typography>{build.pages ?? '—'}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        )}
      </Layouts.Content>
    </Layouts.Root>
  );
};
