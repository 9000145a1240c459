/**
 * The OpenAPI 3 description of the public API, derived from what the API really accepts
 * (validation/query.ts PUBLIC_QUERY) and from the content types, so it cannot drift from them.
 */
import actor from '../content-types/actor/schema.json';
import caseStudy from '../content-types/case-study/schema.json';
import fundingCall from '../content-types/funding-call/schema.json';
import goodPractice from '../content-types/good-practice/schema.json';
import theme from '../content-types/theme/schema.json';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, MAX_PAGE_SIZE_ASKED, PUBLIC_QUERY } from '../validation/query';
import { BENEFICIARIES, KB_TYPES, KB_TYPE_NAMES, SCOPE_LEVELS, type KbType } from './content-types';
import { DEADLINE_STATUSES } from './deadline-status';
import { DEFAULT_LOCALE, LOCALES } from './locales';

type Json = Record<string, unknown>;
interface Attribute {
  type: string;
  enum?: string[];
  target?: string;
  relation?: string;
  multiple?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  required?: boolean;
  private?: boolean;
}

const SCHEMAS: Record<KbType, { info: { displayName: string; description: string }; attributes: Record<string, Attribute> }> = {
  'case-study': caseStudy,
  actor,
  'funding-call': fundingCall,
  'good-practice': goodPractice,
  theme,
};

const typeOfUid = (uid: string): KbType | undefined => KB_TYPE_NAMES.find((t) => KB_TYPES[t].uid === uid);
const component = (type: KbType) => type.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const attributeSchema = (attribute: Attribute): Json => {
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
      return { type: 'string', ...(attribute.maxLength ? { maxLength: attribute.maxLength } : {}) };
    case 'enumeration':
      return { type: 'string', enum: attribute.enum };
    case 'integer':
      return { type: 'integer', ...(attribute.min != null ? { minimum: attribute.min } : {}), ...(attribute.max != null ? { maximum: attribute.max } : {}) };
    case 'decimal':
    case 'float':
      return { type: 'number', ...(attribute.min != null ? { minimum: attribute.min } : {}), ...(attribute.max != null ? { maximum: attribute.max } : {}) };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'media':
      return ref('Media');
    case 'relation': {
      const target = typeOfUid(attribute.target ?? '');
      const item = target ? ref(`${component(target)}Ref`) : { type: 'object' };
      return attribute.relation?.endsWith('ToMany') ? { type: 'array', items: item } : { ...item, nullable: true };
    }
    default:
      return {};
  }
};

const entrySchema = (type: KbType): Json => {
  const { info, attributes } = SCHEMAS[type];
  const properties: Json = {
    collection: { type: 'string', enum: [type] },
    documentId: { type: 'string' },
    locale: { type: 'string', enum: [...LOCALES] },
    publishedAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  };
  for (const [name, attribute] of Object.entries(attributes)) {
    // The case study's actor roles are folded into each actor (`role`).
    if (attribute.private || (type === 'case-study' && name === 'actorRoles')) continue;
    properties[name] = attributeSchema(attribute);
  }
  if (type === 'funding-call') {
    properties.status = { type: 'string', enum: [...DEADLINE_STATUSES], description: 'Derived from the dates when the response is made.' };
  }
  const required = ['collection', 'documentId', 'locale', 'slug', ...Object.keys(attributes).filter((n) => attributes[n].required)];
  return { type: 'object', description: info.description, properties, required: [...new Set(required)] };
};

const refSchema = (type: KbType): Json => ({
  type: 'object',
  properties: {
    slug: { type: 'string' },
    [KB_TYPES[type].titleField]: { type: 'string' },
    ...(type === 'funding-call' ? { deadline: { type: 'string', format: 'date-time', nullable: true }, status: { type: 'string', enum: [...DEADLINE_STATUSES] } } : {}),
    ...(type === 'actor' ? { role: { type: 'string', nullable: true } } : {}),
  },
  required: ['slug'],
});

const localeParameter = {
  name: 'locale',
  in: 'query',
  schema: { type: 'string', enum: [...LOCALES], default: DEFAULT_LOCALE },
  description: 'Language of the entries, and of error messages.',
};
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

const listParameters = (type: KbType): Json[] => {
  const spec = PUBLIC_QUERY[type];
  return [
    localeParameter,
    { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 } },
    { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE_ASKED, default: DEFAULT_PAGE_SIZE }, description: `Served at most ${MAX_PAGE_SIZE} per page.` },
    {
      name: 'sort',
      in: 'query',
      schema: { type: 'string', enum: spec.sorts.flatMap((s) => [`${s}:asc`, `${s}:desc`]), default: spec.defaultSort },
    },
    ...Object.entries(spec.filters).map(([name, filter]) => ({
      name: `filters[${name}]`,
      in: 'query',
      description: filter.allowed ? 'One or more values, comma-separated.' : 'One or more slugs or codes, comma-separated.',
      schema: filter.allowed
        ? { type: 'array', items: { type: 'string', enum: [...filter.allowed] } }
        : { type: 'array', items: { type: 'string' } },
      style: 'form',
      explode: false,
    })),
  ];
};

const subscriptionSchema = {
  type: 'object',
  required: ['email'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254 },
    locale: { type: 'string', enum: [...LOCALES], default: DEFAULT_LOCALE },
    themes: { type: 'array', items: { type: 'string' }, description: 'Theme slugs; none means every theme.' },
    beneficiaries: { type: 'array', items: { type: 'string', enum: [...BENEFICIARIES] } },
    scopes: { type: 'array', items: { type: 'string', enum: [...SCOPE_LEVELS] } },
    frequency: { type: 'string', enum: ['daily', 'weekly'], default: 'weekly' },
  },
};

/** The OpenAPI 3.0 document of the public API; `serverUrl` is where the CMS answers. */
export function openApiDocument(serverUrl = '/'): Json {
  const paths: Json = {};
  const schemas: Json = {
    Media: { type: 'object', nullable: true, properties: { url: { type: 'string' }, alternativeText: { type: 'string', nullable: true }, width: { type: 'integer' }, height: { type: 'integer' }, mime: { type: 'string' } } },
    Pagination: { type: 'object', properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } } },
    Error: {
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: {
            status: { type: 'integer' },
            name: { type: 'string' },
            message: { type: 'string' },
            details: { type: 'object', properties: { errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'array', items: { type: 'string' } }, message: { type: 'string' } } } } } },
          },
        },
      },
    },
    Subscription: subscriptionSchema,
  };
  for (const type of KB_TYPE_NAMES) {
    const name = component(type);
    schemas[name] = entrySchema(type);
    schemas[`${name}Ref`] = refSchema(type);
    const tag = SCHEMAS[type].info.displayName;
    paths[`/api/knowledge-base/${KB_TYPES[type].path}`] = {
      get: {
        tags: [tag],
        operationId: `list${name}`,
        summary: `Published ${SCHEMAS[type].info.displayName.toLowerCase()} entries in one language`,
        parameters: listParameters(type),
        responses: {
          200: {
            description: 'A page of entries.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: { type: 'array', items: ref(name) },
                    meta: { type: 'object', properties: { locale: { type: 'string' }, pagination: ref('Pagination') } },
                  },
                },
              },
            },
          },
          400: errorResponse('Invalid parameters, each named with its message in the caller’s language.'),
        },
      },
    };
    paths[`/api/knowledge-base/${KB_TYPES[type].path}/{slug}`] = {
      get: {
        tags: [tag],
        operationId: `get${name}`,
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }, localeParameter],
        responses: {
          200: { description: 'One entry.', content: { 'application/json': { schema: { type: 'object', properties: { data: ref(name), meta: { type: 'object' } } } } } },
          400: errorResponse('Invalid parameters.'),
          404: errorResponse('No published entry has this slug in this language.'),
        },
      },
    };
  }
  paths['/api/knowledge-base/alerts'] = {
    post: {
      tags: ['Alerts'],
      operationId: 'subscribeToAlerts',
      summary: 'Subscribe an e-mail address to a digest of funding calls (double opt-in: a confirmation e-mail is sent).',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref('Subscription') }, 'application/x-www-form-urlencoded': { schema: ref('Subscription') } },
      },
      responses: {
        202: { description: 'A confirmation e-mail was sent.' },
        400: errorResponse('Invalid fields.'),
        429: { description: 'Too many requests; see Retry-After.', headers: { 'Retry-After': { schema: { type: 'integer' } } } },
      },
    },
  };
  paths['/api/knowledge-base/alerts/confirm'] = {
    get: {
      tags: ['Alerts'],
      operationId: 'confirmAlerts',
      parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'Subscription confirmed (HTML page).' }, 400: { description: 'Unknown, used or expired token (HTML page).' } },
    },
  };
  paths['/api/knowledge-base/alerts/unsubscribe'] = {
    get: {
      tags: ['Alerts'],
      operationId: 'unsubscribePage',
      parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'A page with a one-click unsubscribe button.' } },
    },
    post: {
      tags: ['Alerts'],
      operationId: 'unsubscribe',
      description: 'One-click unsubscribe (RFC 8058).',
      parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'Unsubscribed; the address is deleted.' } },
    },
  };
  paths['/api/knowledge-base/openapi.json'] = {
    get: { tags: ['Documentation'], operationId: 'openApi', responses: { 200: { description: 'This document.' } } },
  };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Urban innovation knowledge base — public API',
      version: '1',
      description:
        'Published entries of the knowledge base (case studies, actors, funding calls, good practices, themes) in French, English and Arabic. Errors name each bad parameter in the caller’s language (`locale`, else Accept-Language, else French).',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: { schemas },
  };
}
