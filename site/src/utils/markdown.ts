/**
 * Markdown of entry text fields to HTML. Sources are plain text that may hold "<": raw
 * HTML is shown as text, never interpreted. A link goes where it says (web, mail, phone, or
 * a path of the guide) and an image loads only from the guide or the CMS's uploads.
 */
import { Marked, type Tokens } from 'marked';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A host no link names: what a browser would resolve to it is a path of the guide itself. */
const GUIDE = new URL('https://guide.invalid/');
const EXTERNAL_REL = 'noopener noreferrer nofollow';

/** A path that no decoding (by a server, a proxy, a redirect) turns into `//host` or `/\host`. */
const isGuidePath = (pathname: string) => {
  for (let path = pathname, previous = ''; path !== previous; previous = path, path = decodeURIComponent(path)) {
    if (/^[/\\]{2}|[\\\u0000-\u001f]/.test(path)) return false;
  }
  return true;
};

export type LinkTarget = { href: string; external: boolean };

/**
 * Where a browser really goes from `href`, read as browsers read it (WHATWG URL: `\` is `/`,
 * tabs and newlines vanish), or null when it must not become a link. `//host`, `/\host` and
 * the like leave the guide: they come back as the absolute URL they lead to, external.
 */
export function linkTarget(href: string): LinkTarget | null {
  let url: URL;
  try {
    url = new URL(href, GUIDE);
    if (url.origin === GUIDE.origin) {
      // Only "/path" and "#fragment": a bare "page" depends on where the text is shown.
      const start = href.replace(/^[\u0000-\u0020]+/, '');
      if (start.startsWith('#')) return { href: url.hash || '#', external: false };
      if (!start.startsWith('/') || !isGuidePath(url.pathname)) return null;
      return { href: `${url.pathname}${url.search}${url.hash}`, external: false };
    }
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    // As written when it is already plain: "https://www.lyon.fr" stays so; tricks show where they go.
    return { href: /^https?:\/\/[^\\\u0000-\u0020]*$/i.test(href) ? href : url.href, external: true };
  }
  if (url.protocol === 'mailto:' || url.protocol === 'tel:') return { href: url.href, external: false };
  return null;
}

/** The origins of the CMS (`KB_PUBLIC_API_URL`, `KB_API_URL`), whose `/uploads/` images may show. */
const cmsOrigins = () =>
  [process.env.KB_PUBLIC_API_URL, process.env.KB_API_URL].flatMap((base) => {
    try {
      return base ? [new URL(base).origin] : [];
    } catch {
      return [];
    }
  });

/** The image URL to load, or null: images come from the guide's own paths or the CMS's uploads, never a third party (a tracking pixel). */
export function imageSource(href: string): string | null {
  const target = linkTarget(href);
  if (!target) return null;
  if (!target.external) return target.href.startsWith('/') ? target.href : null;
  const url = new URL(target.href);
  return cmsOrigins().includes(url.origin) && url.pathname.startsWith('/uploads/') ? url.href : null;
}

const anchor = (target: LinkTarget, html: string, title?: string | null) =>
  `<a href="${escapeHtml(target.href)}"${title ? ` title="${escapeHtml(title)}"` : ''}${target.external ? ` rel="${EXTERNAL_REL}"` : ''}>${html}</a>`;

/** Parsing is synchronous: the depth of links around the token being rendered, so no link nests in another. */
let linkDepth = 0;

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
      linkDepth++;
      let text: string;
      try {
        text = this.parser.parseInline(tokens);
      } finally {
        linkDepth--;
      }
      const target = linkTarget(href);
      return target && !linkDepth ? anchor(target, text, title) : text;
    },
    // An image from elsewhere is a link to it (its alt text, else its address), or its alt text inside a link.
    image({ href, title, text }: Tokens.Image) {
      const src = imageSource(href);
      if (src) return `<img src="${escapeHtml(src)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''} loading="lazy" decoding="async">`;
      const target = linkTarget(href);
      return target?.external && !linkDepth ? anchor(target, escapeHtml(text || target.href), title) : escapeHtml(text);
    },
  },
});

/** Block markdown (paragraphs, lists, headings). */
export const renderMarkdown = (source: string | null | undefined): string =>
  source ? (marked.parse(source, { async: false }) as string) : '';

/** One line of markdown (list items, table cells): no wrapping paragraph. */
export const renderInline = (source: string | null | undefined): string =>
  source ? (marked.parseInline(source, { async: false }) as string) : '';
