// The Moderation page's words in the editor's language: its messages, and the names of statuses and fields.
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { trad } from '../../utils';

export const useMessages = () => {
  const { formatMessage } = useIntl();
  return useMemo(() => {
    const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: trad(id), defaultMessage }, values);
    return {
      t,
      status: (status: string) => t(`moderation.status.${status}`, status),
      /** A content field's name (the API's key when it has none). */
      field: (key: string) => t(`moderation.field.${key}`, key),
    };
  }, [formatMessage]);
};
