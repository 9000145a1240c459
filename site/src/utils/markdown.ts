/**
 * Markdown of entry text fields to HTML. Sources are plain text that may hold "<": raw
 * HTML is shown as text, never interpreted, and only safe link targets are kept.
 */
import { Marked, type Tokens } from 'marked';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SAFE_URL = /^(https?:|mailto:|tel:|\/|#)/i;

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    // Entry pages own h1 and h2: the text's own headings start at h3.
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(6, Math.max(3, depth + 1));
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (!SAFE_URL.test(href)) return text;
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${text}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      if (!/^https?:/i.test(href)) return escapeHtml(text);
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''} loading="lazy" decoding="async">`;
    },
  },
});

/** Block markdown (paragraphs, lists, headings). */
export const renderMarkdown = (source: string | null | undefined): string =>
  source ? (marked.parse(source, { async: false }) as string) : '';

/** One line of markdown (list items, table cells): no wrapping paragraph. */
export const renderInline = (source: string | null | undefined): string =>
  source ? (marked.parseInline(source, { async: false }) as string) : '';
