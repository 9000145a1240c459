/**
 * Markdown of entries as the site renders it: a link never passes an off-site address for a
 * path of the guide (`//host`, `/\host`, encoded backslashes), only web, mail, phone and true
 * paths become links, external ones marked so; images load only from the guide or the CMS's
 * uploads, never from a third party (a tracking pixel). Each vector asserts the HTML produced.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';

type MarkdownModule = typeof import('../src/utils/markdown');

/** marked ships as ESM only, which Jest does not load: the module is bundled to CommonJS, as the site bundles it. */
const load = (): MarkdownModule => {
  const [bundle] = buildSync({
    entryPoints: [join(__dirname, '../src/utils/markdown.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  }).outputFiles;
  const module = { exports: {} as MarkdownModule };
  new Function('module', 'exports', 'require', bundle.text)(module, module.exports, require);
  return module.exports;
};
const { renderInline, renderMarkdown } = load();

const EXTERNAL = 'rel="noopener noreferrer nofollow"';

const env = { ...process.env };
beforeEach(() => {
  process.env.KB_API_URL = 'http://localhost:1337';
  process.env.KB_PUBLIC_API_URL = 'https://cms.guide.example/';
});
afterEach(() => {
  process.env = { ...env };
});

describe('links', () => {
  it.each([
    ['//evil.example/x', 'https://evil.example/x'],
    ['/\\\\evil.example/x', 'https://evil.example/x'],
    ['\\\\\\\\evil.example', 'https://evil.example/'],
    ['/\\\\/evil.example', 'https://evil.example/'],
    ['<\\\\/evil.example>', 'https://evil.example/'],
    ['<https:\\\\\\\\evil.example/x>', 'https://evil.example/x'],
    ['<http:evil.example>', 'http://evil.example/'],
    ['<HTTPS://evil.example/x>', 'HTTPS://evil.example/x'],
    ['</\t/evil.example/x>', 'https://evil.example/x'],
  ])('%s leaves the guide: an external link to where it really goes', (href, shown) => {
    expect(renderInline(`[the city](${href})`)).toBe(`<a href="${shown}" ${EXTERNAL}>the city</a>`);
  });

  it.each(['/%5Cevil.example', '/%5cevil.example/x', '/%2F%2Fevil.example', '/%2Fevil.example', '/%255Cevil.example', '/./%5Cevil.example', '/.//evil.example', '/%E0%A4%A'])(
    '%s looks like a path of the guide but a server may turn it into another host: text only',
    (href) => {
      expect(renderInline(`[the city](${href})`)).toBe('the city');
    },
  );

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '<java\tscript:alert(1)>',
    // A browser on the guide reads it as the relative path "evil.example": not "/…", so not kept.
    'https:evil.example',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://evil.example/x',
    'blob:https://evil.example/1',
    'page/relative',
    '',
  ])('%s is not a link: its text only', (href) => {
    expect(renderInline(`[click](${href})`)).toBe('click');
  });

  it('keeps the web, mail, phone and true paths and fragments of the guide', () => {
    expect(renderInline('[Lyon](https://www.lyon.fr)')).toBe(`<a href="https://www.lyon.fr" ${EXTERNAL}>Lyon</a>`);
    expect(renderInline('[Lyon](http://www.lyon.fr/a?b=1#c "The city")')).toBe(`<a href="http://www.lyon.fr/a?b=1#c" title="The city" ${EXTERNAL}>Lyon</a>`);
    expect(renderInline('[write](mailto:contact@lyon.fr)')).toBe('<a href="mailto:contact@lyon.fr">write</a>');
    expect(renderInline('[call](tel:+33472101030)')).toBe('<a href="tel:+33472101030">call</a>');
    expect(renderInline('[case](/fr/case-studies/lyon/)')).toBe('<a href="/fr/case-studies/lyon/">case</a>');
    expect(renderInline('[case](/fr/data/?x=1#files)')).toBe('<a href="/fr/data/?x=1#files">case</a>');
    expect(renderInline('[below](#how)')).toBe('<a href="#how">below</a>');
    expect(renderInline('[up](/fr/a/../b/)')).toBe('<a href="/fr/b/">up</a>');
  });

  it('needs no rule for what Markdown itself does not read as a link', () => {
    expect(renderInline('[click](<java\nscript:alert(1)>)')).not.toContain('<a');
  });

  it('marks autolinks and bare addresses external too', () => {
    expect(renderInline('<https://www.lyon.fr/x>')).toBe(`<a href="https://www.lyon.fr/x" ${EXTERNAL}>https://www.lyon.fr/x</a>`);
    expect(renderInline('see www.evil.example')).toBe(`see <a href="http://www.evil.example" ${EXTERNAL}>www.evil.example</a>`);
    expect(renderInline('<//evil.example>')).toBe('&lt;//evil.example&gt;');
  });

  it('resolves reference links by the same rule', () => {
    expect(renderMarkdown('[the city][c]\n\n[c]: //evil.example/x')).toBe(`<p><a href="https://evil.example/x" ${EXTERNAL}>the city</a></p>\n`);
    expect(renderMarkdown('[the city][c]\n\n[c]: javascript:alert(1)')).toBe('<p>the city</p>\n');
  });

  it('escapes what it keeps', () => {
    expect(renderInline('[a](https://x.example/"onmouseover="alert(1))')).toBe(`<a href="https://x.example/&quot;onmouseover=&quot;alert(1)" ${EXTERNAL}>a</a>`);
    expect(renderInline('[a](/fr/"><script>)')).toBe('<a href="/fr/%22%3E%3Cscript%3E">a</a>');
  });
});

describe('images', () => {
  const img = (src: string, alt = 'a map') => `<img src="${src}" alt="${alt}" loading="lazy" decoding="async">`;

  it('load from the paths of the guide and from the uploads of the CMS, public or internal address', () => {
    expect(renderInline('![a map](/images/map.png)')).toBe(img('/images/map.png'));
    expect(renderInline('![a map](https://cms.guide.example/uploads/map_1a2b.png)')).toBe(img('https://cms.guide.example/uploads/map_1a2b.png'));
    expect(renderInline('![a map](http://localhost:1337/uploads/map.png "Map")')).toBe(
      '<img src="http://localhost:1337/uploads/map.png" alt="a map" title="Map" loading="lazy" decoding="async">',
    );
  });

  it.each([
    ['https://tracker.example/pixel.gif?reader=1', 'https://tracker.example/pixel.gif?reader=1'],
    ['//tracker.example/pixel.gif', 'https://tracker.example/pixel.gif'],
    ['/\\\\tracker.example/pixel.gif', 'https://tracker.example/pixel.gif'],
    ['https://cms.guide.example.tracker.example/uploads/p.gif', 'https://cms.guide.example.tracker.example/uploads/p.gif'],
    ['https://cms.guide.example:8443/uploads/p.gif', 'https://cms.guide.example:8443/uploads/p.gif'],
    ['http://cms.guide.example/uploads/p.gif', 'http://cms.guide.example/uploads/p.gif'],
    ['https://cms.guide.example/admin/p.gif', 'https://cms.guide.example/admin/p.gif'],
    ['https://cms.guide.example/uploads/../api/p.gif', 'https://cms.guide.example/uploads/../api/p.gif'],
    ['https://cms.guide.example/uploads/%2e%2e/api/p.gif', 'https://cms.guide.example/uploads/%2e%2e/api/p.gif'],
    ['https://user@tracker.example/uploads/p.gif', 'https://user@tracker.example/uploads/p.gif'],
  ])('%s is not loaded: a link to it, named by its alt text', (href, shown) => {
    expect(renderInline(`![a map](${href})`)).toBe(`<a href="${shown}" ${EXTERNAL}>a map</a>`);
  });

  it('from elsewhere and with no alt text, is a link named by its address', () => {
    expect(renderInline('![](https://tracker.example/p.gif)')).toBe(`<a href="https://tracker.example/p.gif" ${EXTERNAL}>https://tracker.example/p.gif</a>`);
  });

  it.each(['data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'javascript:alert(1)', '/%5Ctracker.example/p.gif', 'map.png', '#x', 'mailto:a@b.example'])(
    '%s is not an image nor a link: its alt text',
    (href) => {
      expect(renderInline(`![a <b>map</b>](${href})`)).toBe('a &lt;b&gt;map&lt;/b&gt;');
    },
  );

  it('from elsewhere inside a link is its alt text, so links never nest', () => {
    expect(renderInline('[![a map](https://tracker.example/p.gif)](https://www.lyon.fr)')).toBe(`<a href="https://www.lyon.fr" ${EXTERNAL}>a map</a>`);
    expect(renderInline('[![a map](/images/map.png)](/fr/)')).toBe(`<a href="/fr/">${img('/images/map.png')}</a>`);
  });

  it('from the CMS shows only when the guide is built against that CMS', () => {
    delete process.env.KB_API_URL;
    delete process.env.KB_PUBLIC_API_URL;
    expect(renderInline('![a map](http://localhost:1337/uploads/map.png)')).toBe(`<a href="http://localhost:1337/uploads/map.png" ${EXTERNAL}>a map</a>`);
    process.env.KB_API_URL = 'not a url';
    expect(renderInline('![a map](/images/map.png)')).toBe(img('/images/map.png'));
  });
});

describe('the rest of Markdown', () => {
  it('shows raw HTML as text and starts headings at h3', () => {
    expect(renderMarkdown('## How\n\n<img src="https://tracker.example/p.gif"> <script>alert(1)</script>')).toBe(
      '<h3>How</h3>\n<p>&lt;img src=&quot;https://tracker.example/p.gif&quot;&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
  });
});
