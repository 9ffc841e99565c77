import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  callCustomerKey,
  createWacall,
  type Agent,
  type Store,
  type Wacall,
  type WhatsAppClient,
} from '@wacall/core';
import type { CloudApiSimulator } from '@wacall/mock';
import { createWebhookHandler } from '@wacall/node';
import { agentRoutes } from './agent-api';
import { createCallSessions, type CallSessions } from './call-sessions';
import type { DemoConfig } from './demo-config';
import { createEventStream, type EventStream } from './event-stream';
import { errorAnswer, sendJson } from './http-json';
import { phoneRoutes } from './phone-api';
import { createPlatform, type Platform } from './platform';
import { matchRoute, type Route } from './router';
import { seedSimulator } from './seed';
import { createStaticFiles } from './static-files';
import { createTicketDirectory, type TicketDirectory } from './ticket-directory';

export interface HelpdeskOptions {
  config: DemoConfig;
  /** 0 picks a free port. */
  port: number;
  /** Default: every interface. */
  host?: string;
  /** The folder of the built web app (its `index.html`). */
  webRoot: string;
  /** Where the facade keeps its state (see choose-store.ts). Default: memory. */
  store?: Store;
  /** Where the server reports what it does; never handed a secret. Default: silent. */
  log?: (line: string) => void;
}

export interface Helpdesk {
  /** The page, e.g. `http://localhost:5173` (or on `host`, when one was given). */
  url: string;
  wacall: Wacall;
  /** Simulator mode only. */
  simulator?: CloudApiSimulator;
  close(): Promise<void>;
}

/** The agent everyone using the demo works as. */
export const demoAgent: Agent = { id: 'agent-alex', name: 'Alex' };

// Ring timeouts are due-time checks; once a second is as often as the simulated platform decides them.
const tickIntervalMs = 1000;

/**
 * One process for the whole demo: the web app, the webhook route, the agent's and the phone's JSON API
 * and live updates. In simulator mode the simulator POSTs its signed webhooks to this server's own
 * `/webhook`, exactly as Meta would.
 */
export async function startHelpdesk(options: HelpdeskOptions): Promise<Helpdesk> {
  const log = options.log ?? (() => {});
  const server = createServer();
  const port = await listen(server, options.port, options.host);
  const platform = createPlatform(options.config, `http://${loopbackHost(server)}:${port}/webhook`);
  const { client, simulator } = platform;
  const store = options.store ? { store: options.store } : {};
  const wacall = createWacall({ client, businessNumber: platform.businessNumber, ...store });
  const directory = createTicketDirectory();
  const sessions = createCallSessions();
  const events = createEventStream();
  relayChanges(wacall, directory, events, simulator);

  const webhook = webhookRoute({ platform, wacall, directory, sessions, events, log });
  const routes = apiRoutes(options.config.mode, platform, wacall, directory, sessions);
  const serveStatic = createStaticFiles(options.webRoot);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/webhook') return void webhook.node(req, res);
    if (pathname === '/api/events' && req.method === 'GET') return events.handle(req, res);
    if (pathname.startsWith('/api/')) return void answerApi(routes, req, res, pathname, log);
    void serveStatic(req, res, pathname);
  });

  const ticker = simulator ? startTicking(simulator, log) : undefined;
  const close = async () => {
    if (ticker) clearInterval(ticker);
    events.close();
    // The relay peers hold UDP sockets that would keep the process alive.
    await simulator?.closeMedia();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };
  if (simulator) {
    try {
      await prepareSimulator(simulator, platform.verifyToken, client, directory, log);
    } catch (error) {
      await close();
      throw error;
    }
  }
  return {
    url: `http://${publicHost(options.host)}:${port}`,
    wacall,
    ...(simulator ? { simulator } : {}),
    close,
  };
}

/**
 * `/webhook`, mounted as the @wacall/node README shows: the handler verifies and parses, then the
 * helpdesk files what it keeps itself and hands the events to `wacall.ingest`.
 */
function webhookRoute(parts: {
  platform: Platform;
  wacall: Wacall;
  directory: TicketDirectory;
  sessions: CallSessions;
  events: EventStream;
  log: (line: string) => void;
}) {
  const { platform, wacall, directory, sessions, events, log } = parts;
  return createWebhookHandler({
    appSecret: platform.appSecret,
    verifyToken: platform.verifyToken,
    async onEvents(received, { issues }) {
      const touched = directory.noteEvents(received);
      // Kept before ingesting, so the SDP is there when the page refetches on 'call.updated'.
      sessions.noteEvents(received);
      await wacall.ingest(received);
      for (const customer of touched) events.publish({ topic: 'tickets', customer });
      if (issues.length > 0) {
        log(`Skipped ${issues.length} webhook item(s) that failed their schema.`);
      }
    },
    onError: (error) =>
      log(`Webhook delivery failed: ${error instanceof Error ? error.message : 'unknown error'}`),
  });
}

/** The agent's API always; the phone's only when the simulator plays the customers. */
function apiRoutes(
  mode: DemoConfig['mode'],
  platform: Platform,
  wacall: Wacall,
  directory: TicketDirectory,
  sessions: CallSessions,
): Route[] {
  const { client, simulator, businessNumber } = platform;
  const agent = demoAgent;
  return [
    ...agentRoutes({ mode, wacall, client, directory, agent, businessNumber, sessions }),
    ...(simulator ? phoneRoutes(simulator) : []),
  ];
}

/** Pushes every change the facade and the simulator report to the open pages. */
function relayChanges(
  wacall: Wacall,
  directory: TicketDirectory,
  events: EventStream,
  simulator: CloudApiSimulator | undefined,
): void {
  const touch = (customer: string, at?: number, name?: string) => {
    directory.ensure(customer, at, name);
    events.publish({ topic: 'tickets', customer });
  };
  wacall.on('call.updated', (call) => {
    touch(callCustomerKey(call.customer), call.endedAt ?? call.createdAt, call.customer.name);
  });
  wacall.on('activity.added', (activity) => touch(activity.customer, activity.at));
  wacall.on('activity.updated', (activity) => touch(activity.customer, activity.at));
  wacall.on('permission.updated', (update) => touch(update.customer));
  simulator?.onChange((change) => {
    const waId = change.type === 'call' ? change.call.waId : change.customer.waId;
    events.publish({ topic: 'phone', waId });
  });
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
      sendJson(res, 200, await match.route.handle({ params: match.params, req }));
    }
  } catch (error) {
    const { status, body } = errorAnswer(error, log);
    if (!res.headersSent) sendJson(res, status, body);
  }
}

/** Checks the webhook route the way Meta does when it is set up, then gives the world its first state. */
async function prepareSimulator(
  simulator: CloudApiSimulator,
  verifyToken: string,
  client: WhatsAppClient,
  directory: TicketDirectory,
  log: (line: string) => void,
): Promise<void> {
  const check = await simulator.verifyWebhook(verifyToken);
  if (!check.verified)
    throw new Error('The webhook route did not answer the verification challenge.');
  await seedSimulator(simulator, client, directory);
  log('Simulator ready: webhook verified, templates approved, customers seeded.');
}

function startTicking(simulator: CloudApiSimulator, log: (line: string) => void) {
  const timer = setInterval(() => {
    simulator.tick().catch((error: unknown) => {
      log(`Simulator tick failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    });
  }, tickIntervalMs);
  timer.unref();
  return timer;
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The host to print: the one asked for, or `localhost` when the server listens on every interface. */
function publicHost(host: string | undefined): string {
  if (!host || host === '::' || host === '0.0.0.0') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** A host the simulator can reach this server on from inside the same process. */
function loopbackHost(server: Server): string {
  const { address, family } = server.address() as AddressInfo;
  if (address === '::' || address === '0.0.0.0') return '127.0.0.1';
  return family === 'IPv6' ? `[${address}]` : address;
}
