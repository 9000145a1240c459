/**
 * The shape of `guide.config.ts` (what makes the site one network's guide) and its checks:
 * a bad value fails the build with a message naming the field, never a half-branded site.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod/v4';
import { LOCALES, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';

/** A text in every published locale (output), as written in the config (input: only those locales are required). */
export type Localized = Record<Locale, string>;
export type LocalizedInput = Partial<Record<Locale, string>>;

const NOT_A_LOCALE = `not a locale the plugin knows (${LOCALES.join(', ')})`;
const localeCode = z.enum(LOCALES, {
  error: (issue) => (issue.input === undefined ? 'missing' : `${JSON.stringify(issue.input)} is ${NOT_A_LOCALE}`),
});

/** An object that names any key it does not know (one problem per key: problemsOf adds the key to the path). */
const strict = <Shape extends z.core.$ZodLooseShape>(shape: Shape, unknownKey = 'not a field of the guide config (a typo?)') =>
  z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKey : undefined) });

const text = z.string({ error: (issue) => (issue.input === undefined ? 'missing' : 'must be a text') }).trim();

/** `{ fr: '…', en: '…' }`: every published locale required, other plugin locales allowed (ignored), nothing else. */
const localized = (published: readonly Locale[], { allowEmpty = false } = {}) =>
  strict(
    Object.fromEntries(
      LOCALES.map((locale) => {
        if (!published.includes(locale)) return [locale, text.optional()];
        const required = z.string({
          error: (issue) => (issue.input === undefined ? `missing: the guide publishes in "${locale}", so this needs a text in it` : 'must be a text'),
        }).trim();
        return [locale, allowEmpty ? required : required.min(1, `empty: the guide publishes in "${locale}", so this needs a text in it`)];
      }),
    ),
    NOT_A_LOCALE,
  ) as unknown as z.ZodType<Localized, LocalizedInput>;

// CSS Color 4 named colours: a colour name is a CSS colour too.
const NAMED_COLOURS = new Set(
  ('aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse ' +
    'chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta ' +
    'darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet ' +
    'deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green ' +
    'greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey ' +
    'lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen ' +
    'mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive ' +
    'olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey ' +
    'snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen'
  ).split(' '),
);
const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// Functional notations with plain arguments only: the value goes into a <style>, so no ; { } < or nested ( ).
const FUNCTION_COLOUR = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([-+.,/%\s0-9a-z]*\)$/i;

export const isCssColour = (value: string): boolean =>
  HEX_COLOUR.test(value) || FUNCTION_COLOUR.test(value) || NAMED_COLOURS.has(value.toLowerCase());

const colour = z
  .string({ error: (issue) => (issue.input === undefined ? 'missing' : 'must be a CSS colour, as a text') })
  .trim()
  .refine(isCssColour, { error: (issue) => `${JSON.stringify(issue.input)} is not a CSS colour (write #0d3b66, rgb(13 59 102), hsl(…), oklch(…) or a colour name)` });

/** The stylesheet's custom properties: each key becomes `--key` (`brandInk` → `--brand-ink`). */
const colours = strict({
  /** Body text. */
  ink: colour,
  /** Secondary text (notes, dates, counts). */
  muted: colour,
  /** Page background. */
  paper: colour,
  /** Background of boxes (facts, cards, filters). */
  tint: colour,
  /** Borders and rules. */
  line: colour,
  /** Header and buttons. */
  brand: colour,
  /** Text on the brand colour. */
  brandInk: colour,
  /** Links. */
  link: colour,
  /** Highlights: a notice's edge, the featured badge. */
  accent: colour,
  /** Background of notices (fallback language, machine translation). */
  accentTint: colour,
});
export type GuideColour = keyof z.infer<typeof colours>;

/** A file of `public/`, by the address it is served at: `public/logo.svg` is `/logo.svg`. */
const publicFile = (extensions: readonly string[]) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'missing' : 'must be a text') })
    .regex(/^\/(?!.*\.\.)[\w\-./]+$/, { error: (issue) => `${JSON.stringify(issue.input)}: write the file's address on the site, e.g. "/logo.svg" for public/logo.svg` })
    .refine((path) => extensions.some((extension) => path.toLowerCase().endsWith(extension)), {
      error: (issue) => `${JSON.stringify(issue.input)}: must be a ${extensions.join(', ')} file`,
    });

const IMAGE_TYPES = { '.svg': 'image/svg+xml', '.png': 'image/png', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.ico': 'image/x-icon' } as const;
export const imageType = (path: string): string => Object.entries(IMAGE_TYPES).find(([extension]) => path.toLowerCase().endsWith(extension))![1];

const url = z.url({ protocol: /^https?$/, error: (issue) => `${JSON.stringify(issue.input)} is not a web address (https://…)` });

const localesPart = {
  /** The locales the site publishes, a subset of the plugin's. */
  locales: z
    .array(localeCode, { error: 'must be a list of locales, e.g. ["fr", "en"]' })
    .min(1, 'must name at least one locale')
    .refine((list) => new Set(list).size === list.length, 'names a locale twice'),
  /** The front door's language and the x-default of every page. */
  defaultLocale: localeCode,
};

const scope = z.looseObject(localesPart).refine((config) => config.locales.includes(config.defaultLocale), {
  path: ['defaultLocale'],
  error: (issue) => `${JSON.stringify((issue.input as { defaultLocale: unknown }).defaultLocale)} is not one of the published locales`,
});

const guideSchema = (published: readonly Locale[]) =>
  strict({
    /** The guide's name: header, titles, feeds, Open Graph. */
    name: localized(published),
    /** One or two sentences on what the guide is: meta description, front door, feed. */
    description: localized(published),
    /** The about page's opening paragraph: who publishes the guide, where its content comes from. */
    about: localized(published),
    publisher: strict({
      /** As the header and footer show it. */
      name: localized(published),
      /** Short and the same in every language (an acronym): UI strings say {publisher}. */
      shortName: text.min(1, 'empty'),
      /** Its website, linked from the footer. */
      url,
    }),
    /** Shown beside the name in the header. */
    logo: strict({
      src: publicFile(['.svg', '.png', '.webp', '.jpg']),
      /** What the logo says; "" when it only repeats the name written beside it. */
      alt: localized(published, { allowEmpty: true }),
    }).optional(),
    favicon: publicFile(['.svg', '.png', '.ico']),
    ...localesPart,
    colours,
    /** The documents the first content was drawn from; entries cite them by `file`. */
    sourceDocuments: z
      .array(
        strict({
          /** Short and stable: the about page's anchor is #source-{id}. */
          id: z.string({ error: 'missing' }).regex(/^[a-z0-9][a-z0-9_-]*$/i, 'letters, digits, - and _ only'),
          /** As entries' sources name it. */
          file: text.min(1, 'empty'),
          title: localized(published),
          description: localized(published),
        }),
      )
      .refine((documents) => new Set(documents.map((d) => d.id)).size === documents.length, 'two documents have the same id')
      .refine((documents) => new Set(documents.map((d) => d.file)).size === documents.length, 'two documents have the same file'),
  });

export type GuideConfig = z.input<ReturnType<typeof guideSchema>>;
export type Guide = Omit<z.output<ReturnType<typeof guideSchema>>, 'locales' | 'defaultLocale'> & {
  locales: readonly Locale[];
  defaultLocale: Locale;
};

/** Types `guide.config.ts` for editors; the checks run in `parseGuide`. */
export const defineGuide = (config: GuideConfig): GuideConfig => config;

export class GuideConfigError extends Error {
  constructor(problems: string[]) {
    super(`guide.config.ts is not valid (site/README.md, "Running another network's guide"):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'GuideConfigError';
  }
}

/** `sourceDocuments[0].title.en: missing…` */
const fieldPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(the whole file)';
const problemsOf = (error: z.ZodError) =>
  error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${fieldPath([...issue.path, key])}: ${issue.message}`)
      : [`${fieldPath(issue.path)}: ${issue.message}`],
  );

/** The config, checked: throws a GuideConfigError listing every bad field. */
export function parseGuide(input: unknown): Guide {
  // Which locales are published decides which texts are required: read them first.
  const locales = scope.safeParse(input);
  if (!locales.success) throw new GuideConfigError(problemsOf(locales.error));
  const guide = guideSchema(locales.data.locales).safeParse(input);
  if (!guide.success) throw new GuideConfigError(problemsOf(guide.error));
  return guide.data;
}

/** The logo and favicon must be files of `publicDir` (Astro copies it to the site as is). */
export function checkGuideFiles(guide: Pick<Guide, 'logo' | 'favicon'>, publicDir: string | URL): void {
  const dir = publicDir instanceof URL ? fileURLToPath(publicDir) : publicDir;
  const files: [string, string][] = [['favicon', guide.favicon]];
  if (guide.logo) files.push(['logo.src', guide.logo.src]);
  const problems = files
    .filter(([, path]) => !(existsSync(join(dir, path)) && statSync(join(dir, path)).isFile()))
    .map(([field, path]) => `${field}: ${JSON.stringify(path)} is not a file of public/ (looked for ${join(dir, path)})`);
  if (problems.length) throw new GuideConfigError(problems);
}
