import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createWacall, type Agent, type Store, type Wacall } from '@wacall/core';
import type { CloudApiSimulator } from '@wacall/mock';
import { createEventStream, createWebhookHandler } from '@wacall/node';
import type { DemoMode } from '../shared/api-types';
import { agentRoutes } from './agent-api';
import { agentOf, demoAgents } from './demo-agents';
import { errorAnswer, sendAnswer, sendJson } from './http-json';
import { phoneRoutes } from './phone-api';
import type { Platform } from './platform';
import { matchRoute, type Route } from './router';
import { routingRoutes } from './routing-api';
import { createStaticFiles } from './static-files';
import { createTemplateCache, templateRoutes } from './template-api';
import { createTicketDirectory, ticketKey, type TicketDirectory } from './ticket-directory';
import { createUpdateChannel, type UpdateChannel } from './update-channel';

// Each offer rings one agent at a time (the one idle longest) and passes on after this long.
const ringSeconds = 20;

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
  /** Whom a page works as when it does not say (`?agent=`): in a fleet, one agent per instance. */
  agent: Agent;
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
    routing: { strategy: 'longest_idle', ringSeconds },
    onError: (error) =>
      log(`Helpdesk error: ${error instanceof Error ? error.message : 'unknown error'}`),
  });
  const directory = createTicketDirectory({
    store,
    businessDigits: ticketKey(platform.businessNumber),
  });
  const whoIs = (req: IncomingMessage) =>
    agentOf(
      { get: (name) => headerOf(req, name) },
      new URL(req.url ?? '/', 'http://localhost'),
      parts.agent,
    );
  // The facade's events, each page receiving what its agent may see. The demo has no login, so the
  // page names its agent (`?agent=ben`); a real app resolves the agent from its session here, and
  // answers null (401) to a browser that is not signed in.
  const events = createEventStream(wacall, {
    authorize: (request) => ({
      agent: agentOf(request.headers, new URL(request.url), parts.agent),
      customers: 'all',
    }),
    onError: (error) =>
      log(`Event stream failed: ${error instanceof Error ? error.message : 'unknown error'}`),
  });
  const updates = createUpdateChannel();
  const templates = createTemplateCache(client);
  const stopPhone = relayPhone(updates, simulator);
  // A review outcome changes which templates the dialog may offer; the page hears it from the stream.
  const stopTemplates = wacall.on('template.updated', () => templates.clear());
  let unwatch: (() => Promise<void>) | undefined;
  try {
    await welcomeAgents(wacall);
    unwatch = await directory.watch((customer) => updates.publish({ topic: 'tickets', customer }));
  } catch (error) {
    stopPhone();
    stopTemplates();
    events.close();
    updates.close();
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
      agentOf: whoIs,
      businessNumber: platform.businessNumber,
      templates,
    }),
    ...routingRoutes({ wacall, agentOf: whoIs }),
    ...templateRoutes(client),
    ...(simulator ? phoneRoutes(simulator) : []),
  ];
  const serveStatic = createStaticFiles(parts.webRoot);
  // An unknown agent name is a 400 with the names to use, before the stream opens.
  const streamEvents = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      whoIs(req);
    } catch (error) {
      const { status, body } = errorAnswer(error, log);
      return sendJson(res, status, body);
    }
    await events.node(req, res);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/webhook') return void webhook.node(req, res);
    if (pathname === '/api/events' && req.method === 'GET') return void streamEvents(req, res);
    if (pathname === '/api/demo-events' && req.method === 'GET') return updates.handle(req, res);
    if (pathname.startsWith('/api/')) return void answerApi(routes, req, res, pathname, log);
    void serveStatic(req, res, pathname);
  });

  return {
    wacall,
    directory,
    async close() {
      stopPhone();
      stopTemplates();
      events.close();
      updates.close();
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

/** The simulated phone's changes, for the phone pane. Returns a function that stops it. */
function relayPhone(updates: UpdateChannel, simulator: CloudApiSimulator | undefined): () => void {
  const stop = simulator?.onChange((change) => {
    const waId = change.type === 'call' ? change.call.waId : change.customer.waId;
    updates.publish({ topic: 'phone', waId });
  });
  return () => stop?.();
}

/**
 * Makes every demo agent available the first time the helpdesk starts, so a call rings someone.
 * An agent who already has a status (another instance, or an earlier run on Redis) keeps it.
 */
async function welcomeAgents(wacall: Wacall): Promise<void> {
  const known = new Set((await wacall.listAgents()).map((presence) => presence.agent.id));
  for (const agent of demoAgents) {
    if (!known.has(agent.id)) await wacall.setPresence({ agent, status: 'available' });
  }
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
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
