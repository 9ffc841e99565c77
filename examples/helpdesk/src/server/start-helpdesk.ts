import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Wacall } from '@wacall/core';
import type { CloudApiSimulator, SimulatorState } from '@wacall/mock';
import type { DemoConfig, StoreChoice } from './demo-config';
import { demoAgents } from './demo-agents';
import { openStore, storeLocation, type OpenedStore } from './demo-store';
import { mountInstance, type HelpdeskInstance } from './helpdesk-instance';
import { createPlatform } from './platform';
import { seedSimulator } from './seed';
import {
  keepSimulatorState,
  savedSimulatorState,
  type SimulatorStateKeeper,
} from './simulator-state';

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
  /**
   * Where state lives. Each instance opens its own store (its own connection to a server). On PGlite
   * or PostgreSQL the simulator's world is kept there too, so a restart carries on where it stopped.
   */
  store: StoreChoice;
  /** How many helpdesk servers to run on the one store (default 1; more than 1 needs a server). */
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
  /** Simulator mode only: true when the simulator carried on from the state an earlier run saved. */
  restored?: boolean;
  close(): Promise<void>;
}

// Ring timeouts are due-time checks; once a second is as often as the simulated platform decides them.
const tickIntervalMs = 1000;

/**
 * The whole demo: one helpdesk server, or several on one PostgreSQL or Redis (`instances`), each with
 * its own facade, store connection, ticket directory and live stream, so they share exactly what
 * separate processes would share. In simulator mode one simulator plays WhatsApp for all of them and
 * POSTs its signed webhooks to the first instance's `/webhook`, exactly as Meta would to the URL set up
 * for it; on a store that persists, it is saved there and carries on from it on the next start.
 */
export async function startHelpdesk(options: HelpdeskOptions): Promise<Helpdesk> {
  const log = options.log ?? (() => {});
  const count = options.instances ?? 1;
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`instances must be a whole number of at least 1 (got ${count}).`);
  }
  const shared = options.store.kind === 'postgres' || options.store.kind === 'redis';
  if (count > 1 && !shared) {
    throw new Error(
      'Several instances share state only through a server: pass a postgres or redis store.',
    );
  }
  // Redis runs under a prefix of the run's own on the simulator: its state is not meant to persist.
  const persistent = options.store.kind === 'postgres' || options.store.kind === 'pglite';

  const servers: { server: Server; port: number }[] = [];
  const stores: OpenedStore[] = [];
  const mounted: HelpdeskInstance[] = [];
  let ticker: ReturnType<typeof setInterval> | undefined;
  let simulator: CloudApiSimulator | undefined;
  let keeper: SimulatorStateKeeper | undefined;
  const close = async () => {
    if (ticker) clearInterval(ticker);
    // Saved before the instances stop: a call still live now is ended by the platform on the next start.
    await keeper?.stop().catch((error: unknown) => {
      log(`Saving the simulator's state failed: ${reasonOf(error)}`);
    });
    for (const instance of mounted) await instance.close();
    // Servers that failed before they were mounted still listen.
    for (const { server } of servers.slice(mounted.length)) await closeServer(server);
    // The relay peers hold UDP sockets that would keep the process alive.
    await simulator?.closeMedia();
    for (const store of stores) await store.close();
  };

  let restored = false;
  try {
    const first = createServer();
    servers.push({ server: first, port: await listen(first, options.port, options.host) });
    for (let index = 0; index < count; index++) stores.push(await openStore(options.store));
    const saved =
      persistent && options.config.mode === 'simulator'
        ? await savedSimulatorState(stores[0]!.store)
        : undefined;
    const webhookUrl = `http://${loopbackHost(first)}:${servers[0]?.port}/webhook`;
    const platform = restorePlatform(options, webhookUrl, saved);
    simulator = platform.simulator;
    restored = saved !== undefined;
    for (let index = 0; index < count; index++) {
      if (index > 0) {
        const server = createServer();
        const port = options.port === 0 ? 0 : options.port + index;
        servers.push({ server, port: await listen(server, port, options.host) });
      }
      const { store } = stores[index]!;
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
      await prepareSimulator(simulator, platform.verifyToken, mounted[0]!, restored, log);
      if (persistent) {
        keeper = keepSimulatorState(simulator, stores[0]!.store, log);
        await keeper.save();
      }
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
    ...(simulator ? { simulator, restored } : {}),
    close,
  };
}

/** The platform, its simulator carrying on from `saved`; a state it cannot read stops the demo. */
function restorePlatform(
  options: HelpdeskOptions,
  webhookUrl: string,
  saved: SimulatorState | undefined,
) {
  try {
    return createPlatform(options.config, webhookUrl, saved);
  } catch (error) {
    if (!saved) throw error;
    throw new Error(
      `The simulator's state saved ${storeLocation(options.store)} could not be restored (${reasonOf(error)}). Start over from an empty store (see the demo's README), or run with WACALL_STORE=memory.`,
    );
  }
}

/**
 * Checks the webhook route the way Meta does when it is set up, then gives the world its first state;
 * a world restored from an earlier run has its templates and customers already, and so has the store.
 */
async function prepareSimulator(
  simulator: CloudApiSimulator,
  verifyToken: string,
  first: HelpdeskInstance,
  restored: boolean,
  log: (line: string) => void,
): Promise<void> {
  const check = await simulator.verifyWebhook(verifyToken);
  if (!check.verified)
    throw new Error('The webhook route did not answer the verification challenge.');
  if (restored) {
    log('Simulator ready: webhook verified, carrying on from the saved state.');
    return;
  }
  await seedSimulator(simulator, first.wacall.client, first.directory);
  log('Simulator ready: webhook verified, templates approved, customers seeded.');
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
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
