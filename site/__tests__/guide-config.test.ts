/**
 * guide.config.ts, what makes the site one network's guide: the repository's config is valid,
 * and a bad one (a text missing in a published locale, a colour that is not CSS, a locale the
 * plugin does not know, a logo that is not in public/) fails with a message naming the field.
 * No site build here: fixture-site.test.ts checks that the pages show what the config says.
 */
import { join } from 'node:path';
import config from '../guide.config';
import { GuideConfigError, checkGuideFiles, isCssColour, parseGuide } from '../src/utils/guide-config';
import { THEME_CSS } from '../src/utils/theme';
import { SITE_DIR } from './test-utils/build';

const PUBLIC_DIR = join(SITE_DIR, 'public');

/** The repository's config with some fields replaced (a deep copy: the original stays as is). */
const withChanges = (change: (copy: Record<string, any>) => void): unknown => {
  const copy = structuredClone(config) as Record<string, any>;
  change(copy);
  return copy;
};

/** The message parseGuide (or checkGuideFiles) throws, checked to be a GuideConfigError. */
const problemsOf = (check: () => unknown): string => {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(GuideConfigError);
    return (error as Error).message;
  }
  throw new Error('the config was accepted');
};

describe('guide.config.ts: the repository guide', () => {
  it('parses, and its logo and favicon are files of public/', () => {
    const guide = parseGuide(config);
    expect(guide.locales).toEqual(['fr', 'en', 'ar']);
    expect(guide.defaultLocale).toBe('fr');
    expect(guide.name.fr).toBe("Guide de l'innovation urbaine");
    expect(guide.sourceDocuments.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(() => checkGuideFiles(guide, PUBLIC_DIR)).not.toThrow();
  });

  it('gives the stylesheet its colours as custom properties', () => {
    expect(THEME_CSS).toMatch(/^:root\{[^{}<]*\}$/);
    expect(THEME_CSS).toContain(`--brand:${config.colours.brand}`);
    expect(THEME_CSS).toContain(`--brand-ink:${config.colours.brandInk}`);
    expect(THEME_CSS).toContain(`--accent-tint:${config.colours.accentTint}`);
  });

  it('asks a guide published in fewer locales for texts in those only', () => {
    const french = withChanges((c) => {
      c.locales = ['fr'];
      delete c.name.en;
      delete c.name.ar;
      c.publisher.name = { fr: c.publisher.name.fr };
    });
    expect(parseGuide(french).locales).toEqual(['fr']);
  });
});

describe('guide.config.ts: a bad config fails, naming the field', () => {
  it('a text missing or empty in a published locale', () => {
    expect(problemsOf(() => parseGuide(withChanges((c) => delete c.name.ar)))).toMatch(/^\s+- name\.ar: missing: the guide publishes in "ar"/m);
    expect(problemsOf(() => parseGuide(withChanges((c) => (c.publisher.name.en = '  '))))).toMatch(/- publisher\.name\.en: empty/);
    expect(problemsOf(() => parseGuide(withChanges((c) => delete c.sourceDocuments[2].title.fr))))
      .toMatch(/- sourceDocuments\[2\]\.title\.fr: missing/);
  });

  it('a colour that is not a CSS colour', () => {
    const message = problemsOf(() => parseGuide(withChanges((c) => (c.colours.brand = 'navyish'))));
    expect(message).toMatch(/- colours\.brand: "navyish" is not a CSS colour/);
    // A value that would close the <style> it goes into is no colour either.
    expect(problemsOf(() => parseGuide(withChanges((c) => (c.colours.ink = 'red}</style><script>'))))).toMatch(/- colours\.ink: /);
    expect(problemsOf(() => parseGuide(withChanges((c) => delete c.colours.accent)))).toMatch(/- colours\.accent: missing/);
  });

  it('a locale the plugin does not know, as a published locale or as a text', () => {
    expect(problemsOf(() => parseGuide(withChanges((c) => (c.locales = ['fr', 'es']))))).toMatch(
      /- locales\[1\]: "es" is not a locale the plugin knows \(fr, en, ar\)/,
    );
    expect(problemsOf(() => parseGuide(withChanges((c) => (c.name.es = 'Guía')))))
      .toMatch(/- name\.es: not a locale the plugin knows/);
    const arabicFirst = withChanges((c) => {
      c.locales = ['fr', 'en'];
      c.defaultLocale = 'ar';
    });
    expect(problemsOf(() => parseGuide(arabicFirst))).toMatch(/- defaultLocale: "ar" is not one of the published locales/);
  });

  it('a logo or favicon that is not a file of public/', () => {
    const guide = parseGuide(withChanges((c) => (c.logo.src = '/network-logo.svg')));
    expect(problemsOf(() => checkGuideFiles(guide, PUBLIC_DIR))).toMatch(/- logo\.src: "\/network-logo\.svg" is not a file of public\//);
    expect(problemsOf(() => checkGuideFiles({ ...guide, logo: undefined, favicon: '/favicon.png' }, PUBLIC_DIR))).toMatch(/- favicon: /);
    // Written as a path of the repository rather than an address of the site.
    expect(problemsOf(() => parseGuide(withChanges((c) => (c.logo.src = 'public/logo.svg'))))).toMatch(/- logo\.src: .*"\/logo\.svg" for public\/logo\.svg/);
  });

  it('lists every bad field at once, and a key the schema does not know', () => {
    const message = problemsOf(() =>
      parseGuide(
        withChanges((c) => {
          c.colours.link = 'blu';
          c.publisher.url = 'aimf.asso.fr';
          c.colour = {};
        }),
      ),
    );
    expect(message).toMatch(/^guide\.config\.ts is not valid/);
    expect(message).toMatch(/- colours\.link: /);
    expect(message).toMatch(/- publisher\.url: "aimf\.asso\.fr" is not a web address/);
    expect(message).toMatch(/- colour: not a field of the guide config/);
  });
});

describe('CSS colours', () => {
  it.each(['#0d3b66', '#fff', '#0d3b6680', 'rgb(13 59 102)', 'rgba(13, 59, 102, 0.5)', 'hsl(210 77% 23%)', 'oklch(0.35 0.09 250)', 'Navy', 'rebeccapurple'])(
    'accepts %s',
    (value) => expect(isCssColour(value)).toBe(true),
  );
  it.each(['#0d3b6', 'navyish', 'rgb(1 2 3', 'var(--brand)', 'red;}body{color:red', 'url(x)', ''])('rejects %s', (value) =>
    expect(isCssColour(value)).toBe(false),
  );
});
