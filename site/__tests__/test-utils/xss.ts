/**
 * Cross-site scripting: the vectors a contributor or an editor might type, and what records in a
 * browser any script they run. Every vector that runs calls `__xss(id)` (or asks for `/xss-beacon/id`,
 * or opens a dialog); the hook defined before any page script records it, with every blocked inline
 * script the Content-Security-Policy reports, and `injectedMarkup` finds markup a vector made.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Vector {
  id: number;
  kind: string;
  text: string;
}

/** `$X` is the call that reports the vector, `$ID` its number. */
const TEMPLATES: [kind: string, template: string][] = [
  ['script tag', '<script>$X</script>'],
  ['script tag, upper case, external', '<SCRIPT SRC=/xss-beacon/$ID.js></SCRIPT>'],
  ['img onerror', '<img src=x onerror=$X>'],
  ['img onerror, quoted', '<img src="x" onerror="$X">'],
  ['svg onload', '<svg onload=$X>'],
  ['svg script', '<svg><script>$X</script></svg>'],
  ['svg animate onbegin', '<svg><animate onbegin=$X attributeName=x dur=1s>'],
  ['svg link', '<svg><a xlink:href="javascript:$X"><text x="0" y="20">x</text></a></svg>'],
  ['MathML link', '<math><maction actiontype="statusline" xlink:href="javascript:$X">x</maction></math>'],
  ['MathML mXSS', '<math><mtext><table><mglyph><style><img src=x onerror=$X>'],
  ['body onload', '<body onload=$X>'],
  ['iframe javascript:', '<iframe src="javascript:$X"></iframe>'],
  ['details ontoggle', '<details open ontoggle=$X>'],
  ['input autofocus onfocus', '<input autofocus onfocus=$X>'],
  ['video source onerror', '<video><source onerror=$X></video>'],
  ['audio onerror', '<audio src=x onerror=$X>'],
  ['object javascript:', '<object data="javascript:$X"></object>'],
  ['embed javascript:', '<embed src="javascript:$X">'],
  ['link javascript:', '<a href="javascript:$X">click</a>'],
  ['link data: HTML', '<a href="data:text/html,<script>parent.$X</script>">click</a>'],
  ['link entity-encoded javascript:', '<a href="&#106;avascript:$X">click</a>'],
  ['form action javascript:', '<form action="javascript:$X"><button>go</button></form>'],
  ['button formaction', '<button formaction=javascript:$X>go</button>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:$X">'],
  ['base href', '<base href="javascript:$X//">'],
  ['stylesheet link', '<link rel=stylesheet href=/xss-beacon/$ID.css>'],
  ['tracking pixel', '<img src=/xss-beacon/$ID.png>'],
  ['CSS url(javascript:)', '<div style="background:url(javascript:$X)">x</div>'],
  ['CSS expression', '<div style="width:expression($X)">x</div>'],
  ['CSS @import', '<style>@import "/xss-beacon/$ID.css";</style>'],
  ['custom element', '<x-xss onclick=$X tabindex=1 autofocus onfocus=$X>x</x-xss>'],
  ['marquee onstart', '<marquee onstart=$X>x</marquee>'],
  ['attribute break, double quote', '"><script>$X</script>'],
  ['attribute break, single quote', "'><img src=x onerror=$X>"],
  ['attribute injection, double quote', '" onmouseover="$X" autofocus onfocus="$X" x="'],
  ['attribute injection, single quote', "' autofocus onfocus='$X' x='"],
  ['attribute break, backtick', '`><img src=x onerror=$X>'],
  ['JSON script break', '</script><script>$X</script>'],
  ['JavaScript string break', '\';$X;//'],
  ['JavaScript string break, double', '";$X;//'],
  ['template literal', '${$X}'],
  ['template braces', '{$X}'],
  ['Angular-style template', "{{constructor.constructor('$X')()}}"],
  ['filter evasion, nested tag', '<scr<script>ipt>$X</scr</script>ipt>'],
  ['entity-encoded markup', '&lt;script&gt;$X&lt;/script&gt;'],
  ['numeric entities', '&#60;img src=x onerror=$X&#62;'],
  ['percent-encoded markup', '%3Cscript%3E$X%3C/script%3E'],
  ['unicode-escaped markup', '\\u003cimg src=x onerror=$X\\u003e'],
  ['RTL override', '\u202E<img src=x onerror=$X>\u202C'],
  ['zero-width joiner in a tag', '<img src=x on\u200Derror=$X><img src=x onerror=$X>'],
  ['markdown link javascript:', '[click](javascript:$X)'],
  ['markdown link mixed case', '[click](JaVaScRiPt:$X)'],
  ['markdown link tab', '[click](java\tscript:$X)'],
  ['markdown link data:', '[click](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoMCk8L3NjcmlwdD4=)'],
  ['markdown image onerror', '![x](x" onerror="$X)'],
  ['markdown image javascript:', '![x](javascript:$X)'],
  ['markdown reference link', '[click][r]\n\n[r]: javascript:$X'],
  ['markdown autolink', '<javascript:$X>'],
  ['markdown link title break', '[click](https://example.org "a\\" onmouseover=\\"$X")'],
  ['markdown raw HTML block', '<div>\n<script>$X</script>\n</div>'],
  ['polyglot', 'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=$X )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=$X//>\\x3e'],
  // Last: if one of these were read as markup it could swallow the vectors after it in a packed field.
  ['title break', '</title><script>$X</script>'],
  ['textarea break', '</textarea><script>$X</script>'],
  ['style break', '</style><script>$X</script>'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=$X>">'],
  ['template element', '<template><img src=x onerror=$X></template><img src=x onerror=$X>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.$X</script>"></iframe>'],
  ['comment break', '<!--<img src="--><img src=x onerror=$X//">'],
];

export const VECTORS: Vector[] = TEMPLATES.map(([kind, template], index) => {
  const id = index + 1;
  return { id, kind, text: template.replaceAll('$X', `__xss(${id})`).replaceAll('$ID', String(id)) };
});

/**
 * Web addresses the plugin takes (http(s), no space, no < > "), built to break out of an href or run
 * when followed; the numbers go on after the text vectors'.
 */
export const URL_VECTORS: Vector[] = [
  ['single quote', "https://example.org/'onmouseover='__xss($ID)'"],
  ['single quote, autofocus', "https://example.org/'/autofocus/onfocus='__xss($ID)'"],
  ['backtick', 'https://example.org/`onfocus=__xss($ID)`'],
  ['fragment string break', "https://example.org/#'-__xss($ID)-'"],
  ['javascript: in the query', 'https://example.org/?next=javascript:__xss($ID)'],
  ['javascript: as the host', 'http://javascript:__xss($ID)'],
  ['encoded markup', 'https://example.org/%22%3E%3Cscript%3E__xss($ID)%3C/script%3E'],
  ['entity quote', 'https://example.org/&quot;onmouseover=__xss($ID)//'],
  ['RTL override', "https://example.org/\u202E'onclick='__xss($ID)"],
  ['credentials and a script path', 'https://__xss($ID)@example.org/javascript:alert(1)'],
].map(([kind, template], index) => {
  const id = TEMPLATES.length + index + 1;
  return { id, kind: `URL: ${kind}`, text: template.replaceAll('$ID', String(id)) };
});

/** Addresses a link field must refuse: schemes that run or show a document of their own. */
export const REFUSED_URLS = [
  'javascript:__xss(0)',
  'JAVASCRIPT:__xss(0)',
  ' javascript:__xss(0)',
  'java\tscript:__xss(0)',
  'javascript&colon;__xss(0)',
  'data:text/html,<script>__xss(0)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  '/\\evil.example',
  'https://example.org/"onmouseover="__xss(0)',
  'https://example.org/<script>__xss(0)</script>',
];

/**
 * Packs whole vectors, space-separated, into values of at most `max` characters: as few values as
 * hold every vector that fits at all. Vectors keep their order, so the ones that could swallow others stay last.
 */
export function packed(vectors: Vector[], max: number): string[] {
  const values: string[] = [];
  for (const { text } of vectors) {
    if (text.length > max) continue;
    const last = values.length - 1;
    if (last >= 0 && values[last].length + 1 + text.length <= max) values[last] += ` ${text}`;
    else values.push(text);
  }
  return values;
}

/** The vectors whose text is inside `value`. */
export const vectorsIn = (value: string, vectors: Vector[] = [...VECTORS, ...URL_VECTORS]): Vector[] => vectors.filter((v) => value.includes(v.text));

/** What the browser saw run, or blocked, that a vector caused. */
export interface XssRecord {
  what: string;
  url: string;
}

/**
 * Installs the hook on every page and frame of `context`: `__xss()` records, dialogs are recorded and
 * dismissed, requests for `/xss-beacon/` recorded, and every Content-Security-Policy violation recorded.
 */
export async function recordScriptExecution(context: BrowserContext): Promise<XssRecord[]> {
  const records: XssRecord[] = [];
  await context.exposeBinding('__xssReport', ({ frame }, what: string) => void records.push({ what, url: frame.url() }));
  await context.addInitScript(() => {
    const report = (what: string) => (window as any).__xssReport?.(what);
    Object.defineProperty(window, '__xss', { value: (id: unknown) => report(`vector ${String(id)} ran`), configurable: false, writable: false });
    window.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const target = e.target instanceof Element ? ` on ${e.target.outerHTML.slice(0, 100)}` : ` (${(e.target as Node | null)?.nodeName ?? 'no target'}, ${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`;
        report(`CSP blocked ${e.effectiveDirective} ${e.blockedURI || ''} ${(e.sample || '').slice(0, 80)}`.replace(/\s+$/, '') + target);
      },
      true,
    );
  });
  context.on('request', (request) => {
    if (/\/xss-beacon\/\d+/.test(request.url())) records.push({ what: `request for ${request.url()}`, url: request.frame()?.url() ?? '' });
  });
  context.on('page', (page) => watchDialogs(page, records));
  return records;
}

const watchDialogs = (page: Page, records: XssRecord[]) =>
  page.on('dialog', (dialog) => {
    records.push({ what: `${dialog.type()} dialog: ${dialog.message()}`, url: page.url() });
    void dialog.dismiss().catch(() => undefined);
  });

/**
 * A vector let into `page` on purpose, to show the hook would see one before it is trusted to see none:
 * what the markup check finds and what is recorded (the handler blocked or run, the request it makes, a
 * call of the hook). Its element and records are removed after.
 */
export async function controlVector(page: Page, records: XssRecord[], strict: boolean): Promise<{ found: string[]; recorded: string[] }> {
  const before = records.length;
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img id="xss-control" src="/xss-beacon/0.png" onerror="__xss(0)">'));
  await page.waitForFunction(() => (document.getElementById('xss-control') as HTMLImageElement).complete);
  const found = await injectedMarkup(page, strict);
  await page.evaluate(() => (window as any).__xss('control'));
  for (let wait = 0; wait < 40 && records.length < before + 3; wait++) await page.waitForTimeout(50);
  await page.evaluate(() => document.getElementById('xss-control')?.remove());
  return { found, recorded: records.splice(before).map((r) => r.what) };
}

/** What `controlVector` must give: the hook sees the markup, the blocked (or run) handler, the request and the call. */
export const CONTROL_SEEN = {
  found: expect.arrayContaining(['<img#xss-control> onerror="__xss(0)"', '<img#xss-control> src="/xss-beacon/0.png"']),
  recorded: expect.arrayContaining([expect.stringMatching(/^(CSP blocked script-src-attr inline on <img id="xss-control"|vector 0 ran)/), expect.stringMatching(/^request for .*\/xss-beacon\/0\.png$/), 'vector control ran']),
};

/**
 * Markup a vector made, in the page as it is now: event-handler attributes, addresses that run script,
 * elements no text should become, scripts the page does not ship. `strict` (the guide): style attributes
 * and any <svg>, <math>, <template> too, which the guide never renders but an admin panel does.
 */
export function injectedMarkup(page: Page, strict: boolean): Promise<string[]> {
  return page.evaluate((strict) => {
    const found: string[] = [];
    const URL_ATTRIBUTES = /^(href|src|action|formaction|data|xlink:href|poster|background|srcdoc)$/i;
    const ELEMENTS = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'marquee', 'isindex', 'xmp', 'plaintext', 'x-xss', 'maction', 'video', 'audio', 'source', 'portal'];
    const STRICT_ELEMENTS = ['svg', 'math', 'template', 'animate'];
    const known = (script: HTMLScriptElement) =>
      script.type === 'application/json' || script.hasAttribute('data-kb-clock') || script.hasAttribute('data-kb-filters') || (script.src !== '' && new URL(script.src).origin === location.origin && !script.src.includes('xss'));
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const name = element.localName;
      const where = `<${name}${element.id ? `#${element.id}` : ''}>`;
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) found.push(`${where} ${attribute.name}="${attribute.value.slice(0, 60)}"`);
        if (strict && attribute.name === 'style') found.push(`${where} style="${attribute.value.slice(0, 60)}"`);
        if (URL_ATTRIBUTES.test(attribute.name) && /^(javascript|vbscript|data:text)/i.test(attribute.value.replace(/[\u0000-\u0020]+/g, ''))) found.push(`${where} ${attribute.name}="${attribute.value.slice(0, 60)}"`);
        if (URL_ATTRIBUTES.test(attribute.name) && /\/xss-beacon\/\d+/.test(attribute.value)) found.push(`${where} ${attribute.name}="${attribute.value.slice(0, 60)}"`);
      }
      if (ELEMENTS.includes(name) || (strict && STRICT_ELEMENTS.includes(name))) found.push(where);
      if (name === 'script' && !known(element as HTMLScriptElement)) found.push(`${where} ${element.textContent?.slice(0, 60)}`);
      if (name === 'script' && (element as HTMLScriptElement).type !== 'application/json' && element.textContent?.includes('__xss')) found.push(`${where} with a vector`);
      if (name === 'meta' && element.getAttribute('http-equiv') && !/^content-security-policy$/i.test(element.getAttribute('http-equiv')!)) found.push(`${where} http-equiv`);
      if ((name === 'meta' || name === 'link' || (strict && name === 'style')) && element.closest('body')) found.push(`${where} in the body`);
    }
    return found;
  }, strict);
}
