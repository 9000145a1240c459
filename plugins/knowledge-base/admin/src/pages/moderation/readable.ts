// A submitted value as an editor reads it: plain text, never raw JSON nor HTML.

export const text = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

export const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Short lists on a line, others an item a line, results and links spelled out. */
export const readable = (value: unknown): string => {
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
