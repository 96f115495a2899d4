/**
 * Builds the OpenAPI 3.1 document from the routes' own validation schemas (collected through
 * fastify's onRoute hook), so that the documentation and the validation cannot drift apart.
 * `docs/portal-api.yaml` is this document rendered as YAML (`npx tsx src/sandbox/openapi-yaml.ts`).
 */
import type { RouteOptions } from 'fastify';
import { ERROR_SCHEMA } from './errors.js';

type Json = Record<string, unknown>;

interface RouteSchema {
  summary?: string;
  description?: string;
  tags?: string[];
  body?: Json;
  querystring?: Json;
  params?: Json;
  response?: Record<string, Json>;
  consumes?: string[];
  hide?: boolean;
  errors?: Record<string, string>;
}

export class OpenApiCollector {
  private readonly paths: Record<string, Record<string, Json>> = {};

  constructor(private readonly version: string) {}

  add(route: RouteOptions): void {
    const schema = route.schema as RouteSchema | undefined;
    if (!schema || schema.hide) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    const url = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    for (const method of methods) {
      const op: Json = { summary: schema.summary, tags: schema.tags };
      if (schema.description) op.description = schema.description;
      const parameters: Json[] = [];
      for (const [where, s] of [
        ['path', schema.params],
        ['query', schema.querystring],
      ] as const) {
        if (!s) continue;
        const required = new Set((s.required as string[] | undefined) ?? []);
        for (const [name, p] of Object.entries((s.properties as Record<string, Json>) ?? {})) {
          parameters.push({ name, in: where, required: where === 'path' || required.has(name), schema: p });
        }
      }
      if (parameters.length) op.parameters = parameters;
      if (schema.body) {
        const types = schema.consumes ?? ['application/json'];
        op.requestBody = {
          required: true,
          content: Object.fromEntries(types.map((t) => [t, { schema: schema.body }])),
        };
      }
      const responses: Json = {};
      for (const [code, s] of Object.entries(schema.response ?? {})) {
        responses[code] = {
          description: (s.description as string) ?? 'success',
          content: { 'application/json': { schema: s } },
        };
      }
      if (!Object.keys(responses).length) responses['200'] = { description: 'success' };
      for (const [code, text] of Object.entries(schema.errors ?? {})) {
        responses[code] = {
          description: text,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }
      responses['400'] ??= {
        description: 'malformed request (VALIDATION)',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
      op.responses = responses;
      if (route.config?.auth) op.security = [{ bearer: [] }];
      if (route.config?.applicationAuth) op.security = [{ applicationSecret: [] }, { bearer: [] }];
      if (route.config?.admin) op['x-loopback-only'] = true;
      (this.paths[url] ??= {})[method.toLowerCase()] = op;
    }
  }

  document(): Json {
    const sorted = Object.fromEntries(Object.entries(this.paths).sort(([a], [b]) => a.localeCompare(b)));
    return {
      openapi: '3.1.0',
      info: {
        title: 'oneid sandbox portal',
        version: this.version,
        description:
          'A local OneID + key-issuing portal. Own API under /api/v1 (designed by the oneid project: the real ' +
          'portal publishes none for these flows), plus E-IMZO-SERVER-compatible (/frontend, /backend) and ' +
          'OneID-SSO-compatible (/sso/oauth/Authorization.do) endpoints. Every error is {status, code, message}.',
      },
      servers: [{ url: 'http://127.0.0.1:8765' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'opaque 256-bit session token' },
          applicationSecret: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Application-Secret',
            description:
              'key applications: the application-scoped secret (`kas_` + 256 random bits) answered once by ' +
              'the SMS confirmation; the alternative is a session of the key holder (bearer)',
          },
        },
        schemas: { Error: ERROR_SCHEMA },
      },
      paths: sorted,
    };
  }
}
