import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store, Wacall } from '@wacall/core';
import type { CloudApiSimulator } from '@wacall/mock';
import type { DemoConfig, RedisConfig } from './demo-config';
import { demoAgents } from './demo-agents';
import { openStore } from './demo-store';
import { mountInstance, type HelpdeskInstance } from './helpdesk-instance';
import { createPlatform } from './platform';
import { seedSimulator } from './seed';

export interface HelpdeskOptions {
  config: DemoConfig;
  /** The first instance's port; instance n listens on `port + n - 1`. 0 picks a free port for each. */
  port: number;
  /** Default: every interface. */
  host?: string;
  /** The folder of the built web app (its `index.html`). */
  webRoot: string;
  /** Where the server reports what it does; never handed a secret. Default: silent. */
  log?: (line: string) => void;
  /** Where state lives: a MemoryStore by default; with Redis, each instance opens its own connection. */
  redis?: RedisConfig;
  /** How many helpdesk servers to run on the one store (default 1; more than 1 needs `redis`). */
  instances?: number;
}

/** One of the helpdesk's servers, as the browser and the tests reach it. */
export interface HelpdeskServer {
  /** The page, e.g. `http://localhost:5173` (or on `host`, when one was given). */
  url: string;
  wacall: Wacall;
}

export interface Helpdesk {
  /** The first instance's page: the one the simulator delivers its webhooks to. */
  url: string;
  /** The first instance's facade. */
  wacall: Wacall;
  /** Every instance, the first one first. */
  instances: HelpdeskServer[];
  /** Simulator mode only. */
  simulator?: CloudApiSimulator;
  close(): Promise<void>;
}

// Ring timeouts are due-time checks; once a second is as often as the simulated platform decides them.
const tickIntervalMs = 1000;

/**
 * The whole demo: one helpdesk server, or several on one Redis (`instances`), each with its own
 * facade, store connection, ticket directory and live stream, so they share exactly what separate
 * processes would share. In simulator mode one simulator plays WhatsApp for all of them and POSTs its
 * signed webhooks to the first instance's `/webhook`, exactly as Meta would to the URL set up for it.
 */
export async function startHelpdesk(options: HelpdeskOptions): Promise<Helpdesk> {
  const log = options.log ?? (() => {});
  const count = options.instances ?? 1;
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`instances must be a whole number of at least 1 (got ${count}).`);
  }
  if (count > 1 && !options.redis) {
    throw new Error('Several instances share state only through Redis: pass redis as well.');
  }

  const servers: { server: Server; port: number }[] = [];
  const stores: Store[] = [];
  const mounted: HelpdeskInstance[] = [];
  let ticker: ReturnType<typeof setInterval> | undefined;
  let simulator: CloudApiSimulator | undefined;
  const close = async () => {
    if (ticker) clearInterval(ticker);
    for (const instance of mounted) await instance.close();
    // Servers that failed before they were mounted still listen.
    for (const { server } of servers.slice(mounted.length)) await closeServer(server);
    // The relay peers hold UDP sockets that would keep the process alive.
    await simulator?.closeMedia();
    for (const store of stores) await store.close();
  };

  try {
    const first = createServer();
    servers.push({ server: first, port: await listen(first, options.port, options.host) });
    const webhookUrl = `http://${loopbackHost(first)}:${servers[0]?.port}/webhook`;
    const platform = createPlatform(options.config, webhookUrl);
    simulator = platform.simulator;
    for (let index = 0; index < count; index++) {
      if (index > 0) {
        const server = createServer();
        const port = options.port === 0 ? 0 : options.port + index;
        servers.push({ server, port: await listen(server, port, options.host) });
      }
      const store = await openStore(options.redis);
      stores.push(store);
      mounted.push(
        await mountInstance({
          mode: options.config.mode,
          server: servers[index]!.server,
          platform,
          store,
          // One agent per instance: instance 1 works as Ana, instance 2 as Ben, and so on in turn.
          agent: demoAgents[index % demoAgents.length]!,
          webRoot: options.webRoot,
          log,
        }),
      );
    }
    if (simulator) {
      ticker = startTicking(simulator, log);
      await prepareSimulator(simulator, platform.verifyToken, mounted[0]!, log);
    }
  } catch (error) {
    await close();
    throw error;
  }

  const instances = mounted.map((instance, index): HelpdeskServer => ({
    url: `http://${publicHost(options.host)}:${servers[index]!.port}`,
    wacall: instance.wacall,
  }));
  return {
    url: instances[0]!.url,
    wacall: instances[0]!.wacall,
    instances,
    ...(simulator ? { simulator } : {}),
    close,
  };
}

/** Checks the webhook route the way Meta does when it is set up, then gives the world its first state. */
async function prepareSimulator(
  simulator: CloudApiSimulator,
  verifyToken: string,
  first: HelpdeskInstance,
  log: (line: string) => void,
): Promise<void> {
  const check = await simulator.verifyWebhook(verifyToken);
  if (!check.verified)
    throw new Error('The webhook route did not answer the verification challenge.');
  await seedSimulator(simulator, first.wacall.client, first.directory);
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

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
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
