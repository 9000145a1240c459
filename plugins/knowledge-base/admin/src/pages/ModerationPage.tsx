import { Badge, Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Textarea, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { trad } from '../utils';

const STATUSES = ['submitted', 'changes-requested', 'resubmitted', 'accepted', 'rejected'] as const;
type Row = { id: string; kind: string; status: string; locale: string; title: string; organisation: { documentId: string; name: string } | null; contributor: string; ageDays: number; duplicates: number };
type Organisation = { documentId: string; slug: string; name: string };
type Detail = Row & {
  content: Record<string, unknown> | null;
  /** A fiche proposal's fields as published now, beside what is proposed. */
  current?: Record<string, unknown>;
  /** Resubmitted: the fields (and `attachments`) that differ from what the editor saw when asking for changes. */
  changedSinceRequest?: string[];
  comment: string | null;
  /** The revision this view shows; a decision carries it, and is refused if the submission changed since. */
  revision: number;
  /** Private files, fetched with the editor's credentials (never a link to an open URL). */
  attachments: { id: string; name: string; mime: string; size: number; url: string }[];
  duplicates: { documentId: string; slug: string; title: string; locale: string; published: boolean; reason: string; status?: string }[];
  history: { from: string | null; to: string; at: string; by: string; byName?: string; comment: string | null }[];
};

/** The editors' moderation page: the queue with filters, one submission beside its look-alikes, decisions, invitations. */
export const ModerationPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: trad(id), defaultMessage }, values);
  const { get, post } = useFetchClient();
  const [filters, setFilters] = useState({ status: 'submitted,resubmitted', organisation: '', olderThanDays: '' });
  const [rows, setRows] = useState<Row[] | null>(null);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const [invite, setInvite] = useState({ email: '', organisation: '', locale: 'fr' });
  /** Object URLs of the open submission's images, shown as previews. */
  const [previews, setPreviews] = useState<Record<string, string>>({});
  /** Counts submissions opened, so each opening moves the focus to the detail. */
  const [opened, setOpened] = useState(0);

  const load = useCallback(async () => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
    try {
      setRows((await get<{ data: Row[] }>(`/${PLUGIN_ID}/moderation/submissions?${query}`)).data.data);
    } catch {
      setNotice({ kind: 'danger', text: t('moderation.loadError', 'The queue could not be loaded.') });
    }
  }, [filters, get]);

  useEffect(() => void load(), [load]);
  useEffect(() => {
    get<{ data: Organisation[] }>(`/${PLUGIN_ID}/moderation/organisations`).then((r) => setOrganisations(r.data.data)).catch(() => undefined);
  }, [get]);

  const open = async (id: string) => {
    setComment('');
    setDetail((await get<{ data: Detail }>(`/${PLUGIN_ID}/moderation/submissions/${id}`)).data.data);
    setOpened((n) => n + 1);
  };

  /** A file's bytes through the authenticated route, typed as the server checked it (image or PDF). */
  const fileUrl = async (file: Detail['attachments'][number]) => {
    const reply = await get<Blob>(file.url, { responseType: 'blob' });
    return URL.createObjectURL(new Blob([reply.data], { type: file.mime }));
  };
  useEffect(() => {
    let current: Record<string, string> = {};
    let cancelled = false;
    (async () => {
      for (const file of detail?.attachments ?? []) {
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
  }, [detail?.id, detail?.revision]);
  const download = async (file: Detail['attachments'][number]) => {
    try {
      const link = Object.assign(document.createElement('a'), { href: await fileUrl(file), download: file.name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      setNotice({ kind: 'danger', text: errorText(error) });
    }
  };
  useEffect(() => {
    const heading = document.getElementById('kb-moderation-detail');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }, [opened]);

  const errorText = (error: any) => error?.response?.data?.error?.details?.errors?.map((e: { message: string }) => e.message).join(' ') || error?.response?.data?.error?.message || String(error);

  const decide = async (action: 'accept' | 'request-changes' | 'reject') => {
    if (!detail) return;
    try {
      const reply = await post<{ data: Detail }>(`/${PLUGIN_ID}/moderation/submissions/${detail.id}/${action}`, { comment, revision: detail.revision });
      setDetail(reply.data.data);
      setComment('');
      setNotice({ kind: 'success', text: t(`moderation.done.${action}`, 'Done.') });
      await load();
    } catch (error: any) {
      setNotice({ kind: 'danger', text: errorText(error) });
      // Changed since it was opened: show the new revision, so the next decision is about what it holds now.
      if (error?.status === 409) {
        await get<{ data: Detail }>(`/${PLUGIN_ID}/moderation/submissions/${detail.id}`).then((reply) => setDetail(reply.data.data), () => undefined);
      }
    }
  };

  const sendInvite = async () => {
    try {
      await post(`/${PLUGIN_ID}/moderation/invitations`, invite);
      setNotice({ kind: 'success', text: t('moderation.invite.sent', 'Invitation sent to {email}.', { email: invite.email }) });
      setInvite({ ...invite, email: '' });
    } catch (error) {
      setNotice({ kind: 'danger', text: errorText(error) });
    }
  };

  /** A content field's name in the editor's language (the API's key when it has none). */
  const label = (key: string) => t(`moderation.field.${key}`, key);
  const text = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
  const empty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  /** A submitted value as an editor reads it: short lists on a line, others an item a line, results and links spelled out, never raw JSON. */
  const readable = (value: unknown): string => {
    if (!Array.isArray(value)) return text(value);
    const short = value.every((item) => typeof item === 'number' || (typeof item === 'string' && item.length <= 40));
    return value
      .map((item) => {
        if (item === null || typeof item !== 'object') return text(item);
        const o = item as Record<string, unknown>;
        if ('indicator' in o) return [`${text(o.indicator)}:`, text(o.value), text(o.unit), o.year ? `(${text(o.year)})` : ''].filter(Boolean).join(' ');
        if ('url' in o) return `${text(o.label)} — ${text(o.url)}`;
        if ('actor' in o || 'name' in o) return text(o.actor ?? o.name);
        return Object.values(o).map(text).filter(Boolean).join(' · ');
      })
      .join(short ? ', ' : '\n');
  };

  if (!rows) return <Page.Loading />;
  const status = (s: string) => t(`moderation.status.${s}`, s);

  return (
    <Layouts.Root>
      <Page.Title>{t('moderation.title', 'Moderation')}</Page.Title>
      <Layouts.Header title={t('moderation.title', 'Moderation')} subtitle={t('moderation.subtitle', 'What member cities sent: nothing is public before you accept it.')} />
      <Layouts.Content>
        {notice && (
          <Box padding={3} marginBottom={4} background={notice.kind === 'success' ? 'success100' : 'danger100'} hasRadius role="status">
            <Typography>{notice.text}</Typography>
          </Box>
        )}
        <Flex gap={4} marginBottom={4} alignItems="flex-end" wrap="wrap">
          <Field.Root name="status">
            <Field.Label>{t('moderation.filter.status', 'Status')}</Field.Label>
            <SingleSelect value={filters.status} onChange={(v: string | number) => setFilters({ ...filters, status: String(v) })}>
              <SingleSelectOption value="submitted,resubmitted">{t('moderation.filter.waiting', 'Waiting for an editor')}</SingleSelectOption>
              {STATUSES.map((s) => <SingleSelectOption key={s} value={s}>{status(s)}</SingleSelectOption>)}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="organisation">
            <Field.Label>{t('moderation.filter.organisation', 'Organisation')}</Field.Label>
            <SingleSelect value={filters.organisation} onChange={(v: string | number) => setFilters({ ...filters, organisation: String(v) })} onClear={() => setFilters({ ...filters, organisation: '' })}>
              {organisations.map((o) => <SingleSelectOption key={o.documentId} value={o.documentId}>{o.name}</SingleSelectOption>)}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="olderThanDays">
            <Field.Label>{t('moderation.filter.age', 'Waiting for at least (days)')}</Field.Label>
            <TextInput type="number" min={0} value={filters.olderThanDays} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFilters({ ...filters, olderThanDays: e.target.value })} />
          </Field.Root>
        </Flex>

        <Grid.Root gap={4}>
          <Grid.Item col={12} direction="column" alignItems="stretch">
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
                        <Button variant="tertiary" onClick={() => open(row.id)}>{row.title}</Button>
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
          </Grid.Item>

          {detail && (
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Box background="neutral0" shadow="tableShadow" hasRadius padding={5}>
                {/* Below the queue, full width; opening a submission brings its heading into view and focus. */}
                <Typography variant="beta" tag="h2" id="kb-moderation-detail" tabIndex={-1} style={{ scrollMarginTop: '7rem' }}>{detail.title}</Typography>
                <Typography textColor="neutral600" tag="p">
                  {t(`moderation.kind.${detail.kind}`, detail.kind)} · {detail.locale} · {status(detail.status)} · {detail.contributor}
                </Typography>
                {detail.changedSinceRequest && (
                  <Box marginTop={3} padding={3} background="warning100" hasRadius>
                    <Typography>
                      {detail.changedSinceRequest.length
                        ? t('moderation.changedSince', 'Changed since you asked for changes: {fields}', { fields: detail.changedSinceRequest.map(label).join(', ') })
                        : t('moderation.unchangedSince', 'Nothing changed since you asked for changes.')}
                    </Typography>
                  </Box>
                )}
                <Box marginTop={4} tag="dl">
                  {Object.entries(detail.content ?? {}).filter(([key, v]) => !empty(v) || detail.current?.[key]).map(([key, value]) => (
                    <Box key={key} marginBottom={2}>
                      <Typography variant="sigma" tag="dt">
                        {label(key)} {detail.changedSinceRequest?.includes(key) && <Badge>{t('moderation.changed', 'changed')}</Badge>}
                      </Typography>
                      {/* Shown as text: contributors' content is never rendered as HTML here. */}
                      {detail.current ? (
                        <>
                          <Typography tag="dd" textColor="neutral600" style={{ whiteSpace: 'pre-wrap' }}>
                            {t('moderation.current', 'Published now')}: {text(detail.current[key]) || '—'}
                          </Typography>
                          <Typography tag="dd" style={{ whiteSpace: 'pre-wrap' }}>
                            {t('moderation.proposed', 'Proposed')}: {text(value) || '—'}
                          </Typography>
                        </>
                      ) : (
                        <Typography tag="dd" style={{ whiteSpace: 'pre-wrap' }}>{readable(value)}</Typography>
                      )}
                    </Box>
                  ))}
                </Box>
                {detail.attachments.length > 0 && (
                  <Box marginTop={2}>
                    <Typography variant="delta" tag="h3">
                      {t('moderation.files', 'Files')} {detail.changedSinceRequest?.includes('attachments') && <Badge>{t('moderation.changed', 'changed')}</Badge>}
                    </Typography>
                    <ul>
                      {detail.attachments.map((f) => (
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
                )}
                <Box marginTop={4}>
                  <Typography variant="delta" tag="h3">{t('moderation.duplicates', 'Possible duplicates')}</Typography>
                  {detail.duplicates.length === 0 ? (
                    <Typography tag="p">{t('moderation.noDuplicates', 'No existing entry looks like this one.')}</Typography>
                  ) : (
                    <ul>
                      {detail.duplicates.map((d) => (
                        <li key={`${d.documentId}-${d.locale}`}>
                          <Typography>{d.title} ({d.locale}, {d.published ? t('moderation.published', 'published') : status(d.status ?? 'submitted')}) — {t(`moderation.reason.${d.reason}`, d.reason)}</Typography>
                        </li>
                      ))}
                    </ul>
                  )}
                </Box>
                <Box marginTop={4}>
                  <Typography variant="delta" tag="h3">{t('moderation.history', 'History')}</Typography>
                  <ol>
                    {detail.history.map((h, i) => (
                      <li key={i}><Typography>{new Date(h.at).toLocaleString()} — {h.byName ?? h.by}: {status(h.to)}{h.comment ? ` — “${h.comment}”` : ''}</Typography></li>
                    ))}
                  </ol>
                </Box>
                {['submitted', 'resubmitted', 'changes-requested'].includes(detail.status) && (
                  <Box marginTop={4}>
                    <Field.Root name="comment" hint={t('moderation.commentHint', 'Required to request changes or reject: the contributor receives it by e-mail.')}>
                      <Field.Label>{t('moderation.comment', 'Message to the contributor')}</Field.Label>
                      <Textarea value={comment} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)} />
                      <Field.Hint />
                    </Field.Root>
                    <Flex gap={2} marginTop={3} wrap="wrap">
                      {detail.status !== 'changes-requested' && <Button onClick={() => decide('accept')}>{t('moderation.accept', 'Accept and publish')}</Button>}
                      {detail.status !== 'changes-requested' && <Button variant="secondary" onClick={() => decide('request-changes')}>{t('moderation.requestChanges', 'Request changes')}</Button>}
                      <Button variant="danger-light" onClick={() => decide('reject')}>{t('moderation.reject', 'Reject')}</Button>
                    </Flex>
                  </Box>
                )}
              </Box>
            </Grid.Item>
          )}
        </Grid.Root>

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
              <SingleSelect value={invite.locale} onChange={(v: string | number) => setInvite({ ...invite, locale: String(v) })}>
                <SingleSelectOption value="fr">Français</SingleSelectOption>
                <SingleSelectOption value="en">English</SingleSelectOption>
                <SingleSelectOption value="ar">العربية</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
            <Button onClick={sendInvite}>{t('moderation.invite.send', 'Send the invitation')}</Button>
          </Flex>
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
