import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createWacall, type Agent, type Store, type Wacall } from '@wacall/core';
import { callCustomerKey } from '@wacall/core/engine';
import type { CloudApiSimulator } from '@wacall/mock';
import { createWebhookHandler } from '@wacall/node';
import type { DemoMode } from '../shared/api-types';
import { agentRoutes } from './agent-api';
import { createEventStream, type EventStream } from './event-stream';
import { errorAnswer, sendAnswer, sendJson } from './http-json';
import { phoneRoutes } from './phone-api';
import type { Platform } from './platform';
import { matchRoute, type Route } from './router';
import { createStaticFiles } from './static-files';
import { createTemplateCache, templateRoutes } from './template-api';
import { createTicketDirectory, ticketKey, type TicketDirectory } from './ticket-directory';

/** The agent everyone using the demo works as. */
export const demoAgent: Agent = { id: 'agent-alex', name: 'Alex' };

// Expiries, lapsed holds and calls whose end never came are applied by sweep(); every instance runs
// it (that is safe), every few seconds so the console shows them soon after they happen.
const sweepIntervalMs = 2000;

export interface InstanceParts {
  mode: DemoMode;
  /** Listening already; the instance answers its requests. */
  server: Server;
  platform: Platform;
  /** This instance's own store (or connection to the shared one). */
  store: Store;
  webRoot: string;
  log: (line: string) => void;
}

/** One helpdesk server: its own facade, directory and live stream, on the store it was handed. */
export interface HelpdeskInstance {
  wacall: Wacall;
  directory: TicketDirectory;
  /** Stops the stream, the facade's timer and feed, and the HTTP server (not the store). */
  close(): Promise<void>;
}

/**
 * Mounts the web app, the webhook route, the agent's (and in simulator mode the phone's) API and the
 * live updates on `server`. Everything the page shows comes from the facade and the store, and every
 * change reaches this instance through the store's change feed, whichever instance made it, so any
 * number of instances on one shared store serve one helpdesk.
 */
export async function mountInstance(parts: InstanceParts): Promise<HelpdeskInstance> {
  const { server, platform, store, log } = parts;
  const { simulator } = platform;
  const client = platform.newClient();
  const wacall = createWacall({
    client,
    businessNumber: platform.businessNumber,
    store,
    sweepIntervalMs,
    onError: (error) =>
      log(`Helpdesk error: ${error instanceof Error ? error.message : 'unknown error'}`),
  });
  const directory = createTicketDirectory({
    store,
    businessDigits: ticketKey(platform.businessNumber),
  });
  const events = createEventStream();
  const templates = createTemplateCache(client);
  const stopRelay = relayChanges(wacall, events, simulator);
  // A review outcome changes which templates the dialog may offer, and the Templates page shows it.
  const stopTemplates = wacall.on('template.updated', (update) => {
    templates.clear();
    events.publish({ topic: 'templates', templateId: update.templateId });
  });
  let unwatch: (() => Promise<void>) | undefined;
  try {
    unwatch = await directory.watch((customer) => events.publish({ topic: 'tickets', customer }));
  } catch (error) {
    stopRelay();
    stopTemplates();
    events.close();
    await wacall.close();
    throw error;
  }

  const webhook = webhookRoute({ platform, wacall, directory, log });
  const routes = [
    ...agentRoutes({
      mode: parts.mode,
      wacall,
      client,
      directory,
      agent: demoAgent,
      businessNumber: platform.businessNumber,
      templates,
    }),
    ...templateRoutes(client),
    ...(simulator ? phoneRoutes(simulator) : []),
  ];
  const serveStatic = createStaticFiles(parts.webRoot);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/webhook') return void webhook.node(req, res);
    if (pathname === '/api/events' && req.method === 'GET') return events.handle(req, res);
    if (pathname.startsWith('/api/')) return void answerApi(routes, req, res, pathname, log);
    void serveStatic(req, res, pathname);
  });

  return {
    wacall,
    directory,
    async close() {
      stopRelay();
      stopTemplates();
      events.close();
      await unwatch?.();
      await wacall.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * `/webhook`, mounted as the @wacall/node README shows: the handler verifies and parses, then the
 * helpdesk files what it keeps itself and hands the events to `wacall.ingest`. Filing first means every
 * instance lists the customer by the time it hears of the call.
 */
function webhookRoute(parts: {
  platform: Platform;
  wacall: Wacall;
  directory: TicketDirectory;
  log: (line: string) => void;
}) {
  const { platform, wacall, directory, log } = parts;
  return createWebhookHandler({
    appSecret: platform.appSecret,
    verifyToken: platform.verifyToken,
    async onEvents(received, { issues }) {
      await directory.noteEvents(received);
      await wacall.ingest(received);
      if (issues.length > 0) {
        log(`Skipped ${issues.length} webhook item(s) that failed their schema.`);
      }
    },
    onError: (error) =>
      log(`Webhook delivery failed: ${error instanceof Error ? error.message : 'unknown error'}`),
  });
}

/**
 * Pushes every change to the open pages: the facade's events (from the store's change feed, so also
 * those another instance made) and the simulator's. Returns a function that stops it.
 */
function relayChanges(
  wacall: Wacall,
  events: EventStream,
  simulator: CloudApiSimulator | undefined,
): () => void {
  const touch = (customer: string) => events.publish({ topic: 'tickets', customer });
  const stops = [
    wacall.on('call.updated', (call) => touch(callCustomerKey(call.customer))),
    wacall.on('activity.added', (activity) => touch(activity.customer)),
    wacall.on('activity.updated', (activity) => touch(activity.customer)),
    wacall.on('activity.removed', (activity) => touch(activity.customer)),
    wacall.on('permission.updated', (update) => touch(update.customer)),
    // The feed broke and came back: changes may have been missed, so the pages fetch everything.
    wacall.on('resync', () => events.publish({ topic: 'resync' })),
  ];
  const stopPhone = simulator?.onChange((change) => {
    const waId = change.type === 'call' ? change.call.waId : change.customer.waId;
    events.publish({ topic: 'phone', waId });
  });
  return () => {
    for (const stop of stops) stop();
    stopPhone?.();
  };
}

async function answerApi(
  routes: readonly Route[],
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  log: (line: string) => void,
): Promise<void> {
  try {
    const match = matchRoute(routes, req.method ?? 'GET', pathname);
    if (match.kind === 'none') {
      sendJson(res, 404, { error: { kind: 'not_found', message: `No API at ${pathname}.` } });
    } else if (match.kind === 'wrong_method') {
      sendJson(res, 405, {
        error: { kind: 'bad_request', message: `${req.method} is not allowed here.` },
      });
    } else {
      sendAnswer(res, 200, await match.route.handle({ params: match.params, req }));
    }
  } catch (error) {
    const { status, body } = errorAnswer(error, log);
    if (!res.headersSent) sendJson(res, status, body);
  }
}
