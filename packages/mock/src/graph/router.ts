/**
 * The simulated Graph API behind both faces (msw and the HTTP server): a Web `Request` in, a Web
 * `Response` out, with Graph's paths, bearer auth and error envelope.
 */
import { isObject, type JsonObject } from '../world/json-object';
import { callAnalytics } from './analytics-endpoint';
import { callPermissions } from './call-permissions-endpoint';
import { handleCalls } from './calls-endpoint';
import { handleCallsWithMedia } from './calls-endpoint-with-media';
import type { EndpointResult, GraphContext } from './graph-context';
import { graphErrors, unsupportedRequest } from './graph-errors';
import { healthStatus } from './health-endpoint';
import { mediaFile, mediaInfo } from './media-endpoint';
import { handleMessages } from './messages-endpoint';
import { invalid } from './request-fields';
import { getSettings, updateSettings } from './settings-endpoint';
import { SimulatedGraphError } from './simulated-graph-error';
import { createTemplate, templatesPage } from './templates-endpoint';

export interface GraphAuth {
  /** Accepted bearer tokens; any non-empty token when absent. */
  accessTokens?: readonly string[];
}

/** What one request asks for, once the URL is understood. */
interface Route {
  method: string;
  id: string;
  /** `''` for the node itself (`GET /{id}?fields=…`). */
  edge: string;
  url: URL;
  /** The origin and path up to the version, e.g. `https://graph.facebook.com/v25.0`. */
  base: string;
}

const version = /^v\d+(\.\d+)?$/;

function json(status: number, body: unknown, traceId: string, extra: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      'x-fb-trace-id': traceId,
      ...extra,
    },
  });
}

function unsupported(route: Route): SimulatedGraphError {
  return new SimulatedGraphError(
    unsupportedRequest.code,
    `Unsupported ${route.method.toLowerCase()} request. Object with ID '${route.id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { ...unsupportedRequest, title: 'Unsupported request' },
  );
}

function routeOf(request: Request): Route | undefined {
  const url = new URL(request.url);
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const at = segments.findIndex((segment) => version.test(segment));
  const rest = at === -1 ? segments : segments.slice(at + 1);
  if (rest.length !== 1 && rest.length !== 2) return undefined;
  const [id, edge = ''] = rest as [string, string?];
  const base = [url.origin, ...segments.slice(0, at + 1)].join('/');
  return { method: request.method.toUpperCase(), id: decodeURIComponent(id), edge, url, base };
}

function tokenOf(request: Request, url: URL): string {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return (match?.[1] ?? url.searchParams.get('access_token') ?? '').trim();
}

function authError(request: Request, url: URL, auth: GraphAuth): SimulatedGraphError | undefined {
  const token = tokenOf(request, url);
  if (token === '') {
    return SimulatedGraphError.of(
      190,
      'No access token: send the header "Authorization: Bearer <token>".',
    );
  }
  if (auth.accessTokens !== undefined && !auth.accessTokens.includes(token)) {
    return SimulatedGraphError.of(
      190,
      'The access token is not one this simulator was configured to accept.',
    );
  }
  return undefined;
}

async function bodyOf(request: Request): Promise<JsonObject> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(
      'The request body is not valid JSON; send a JSON object with Content-Type: application/json.',
    );
  }
  if (!isObject(parsed)) throw invalid('The request body must be a JSON object.');
  return parsed;
}

async function dispatch(
  context: GraphContext,
  request: Request,
  route: Route,
): Promise<EndpointResult> {
  const business = context.businesses.get(route.id);
  const key = `${route.method} ${route.edge}`;
  if (business !== undefined) {
    switch (key) {
      case 'POST calls':
        return context.media
          ? handleCallsWithMedia(context, context.media, business, await bodyOf(request))
          : handleCalls(context, business, await bodyOf(request));
      case 'GET call_permissions':
        return callPermissions(context, business, route.url.searchParams);
      case 'GET settings':
        return getSettings(business);
      case 'POST settings':
        return updateSettings(context, business, await bodyOf(request));
      case 'POST messages':
        return handleMessages(context, business, await bodyOf(request));
      case 'GET ':
        if (route.url.searchParams.get('fields') === 'health_status') return healthStatus(business);
    }
  }
  const fields = route.url.searchParams.get('fields') ?? '';
  const isWaba = [...context.businesses.values()].some((b) => b.wabaId === route.id);
  if (isWaba && key === 'POST message_templates') {
    const template = createTemplate(context.templates, route.id, await bodyOf(request));
    return {
      body: { id: template.id, status: template.status, category: template.category },
      updates: [],
    };
  }
  if (isWaba && key === 'GET message_templates') {
    return {
      body: templatesPage(context.templates, route.id, route.url.searchParams, route.url),
      updates: [],
    };
  }
  if (isWaba && key === 'GET ' && fields.startsWith('call_analytics')) {
    return callAnalytics(context, route.id, fields);
  }
  if (key === 'GET ' && context.mediaFiles.has(route.id)) {
    return mediaInfo(context, route.id, route.base);
  }
  throw unsupported(route);
}

/** The bytes of a recording or transcript, with its type (the one non-JSON answer Graph gives). */
function mediaContent(context: GraphContext, route: Route, traceId: string): Response {
  const file = mediaFile(context, route.id);
  return new Response(file.bytes.slice(), {
    status: 200,
    headers: {
      'content-type': file.mimeType,
      'content-length': String(file.bytes.length),
      'x-fb-trace-id': traceId,
    },
  });
}

/** Answers one Graph request; webhooks it causes go out after the response. */
export async function handleGraphRequest(
  context: GraphContext,
  auth: GraphAuth,
  request: Request,
): Promise<Response> {
  const traceId = context.random.traceId();
  const route = routeOf(request);
  try {
    const denied = authError(request, new URL(request.url), auth);
    if (denied !== undefined) {
      return json(denied.httpStatus, denied.toEnvelope(traceId), traceId, {
        'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${graphErrors[190].title}"`,
      });
    }
    if (route === undefined) {
      throw unsupported({
        method: request.method,
        id: new URL(request.url).pathname,
        edge: '',
        url: new URL(request.url),
        base: new URL(request.url).origin,
      });
    }
    if (route.method === 'GET' && route.edge === 'content')
      return mediaContent(context, route, traceId);
    const result = await dispatch(context, request, route);
    void context.dispatcher.emit(result.updates, true);
    return json(200, result.body, traceId);
  } catch (error) {
    if (SimulatedGraphError.isInstance(error))
      return json(error.httpStatus, error.toEnvelope(traceId), traceId);
    const details = error instanceof Error ? error.message : String(error);
    return json(
      500,
      {
        error: {
          message: 'An unknown error has occurred.',
          type: 'OAuthException',
          code: 1,
          is_transient: true,
          error_data: { messaging_product: 'whatsapp', details },
          fbtrace_id: traceId,
        },
      },
      traceId,
    );
  }
}
