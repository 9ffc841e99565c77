// Starts the demo server in this process on a free port and drives its page in Debian's Chromium.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import type { StoreChoice } from '../src/server/demo-config';
import { seedCustomers } from '../src/server/seed';
import { startHelpdesk, type Helpdesk, type HelpdeskServer } from '../src/server/start-helpdesk';
import { installMediaProbe } from './media-probe';
import { chromiumMediaArgs, chromiumPath } from '../../../scripts/chromium.mjs';

const webRoot = fileURLToPath(new URL('../dist/web/', import.meta.url));

/** Where screenshots go; the folder is git-ignored. */
export const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(`${webRoot}index.html`)) {
    throw new Error(
      'The web app is not built: run `pnpm --filter @wacall/example-helpdesk build` first.',
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumMediaArgs,
  });
}

export type SeedName = (typeof seedCustomers)[number]['name'];

export interface DemoOptions {
  /** Where state lives: in memory unless a story says otherwise (fast, and nothing outlives it). */
  store?: StoreChoice;
  /** Helpdesk servers on the one store (default 1). */
  instances?: number;
  /** Which instance serves the page, from 1 (default 1, the one the simulator sends webhooks to). */
  pageOn?: number;
}

/** A demo agent, by the short name a page's `?agent=` takes. */
export type AgentName = 'ana' | 'ben';

/** A second tab, working as another agent: its status and the calls that ring for it. */
export interface AgentTab {
  page: Page;
  /** The agent's status (`AgentPresence`). */
  presence: Locator;
  /** A ring (`IncomingCallOffer`) for this customer. */
  offerFrom(name: SeedName): Locator;
  /** Every ring this tab shows. */
  offers: Locator;
  /** Chooses a status and waits until the server's answer shows it. */
  choose(status: 'Available' | 'Busy' | 'Away'): Promise<void>;
  pageErrors: string[];
}

export interface Demo {
  helpdesk: Helpdesk;
  /** The instance that serves the page. */
  pageServer: HelpdeskServer;
  page: Page;
  agent: Locator;
  phone: Locator;
  /** The open ticket (its call button answers and declines a ringing call). */
  ticket: Locator;
  /** The ticket's newest call (its badge and outcome). */
  latestCall: Locator;
  callButton: Locator;
  /** An entry of the ticket's activity timeline (not the live region that announces it). */
  activity(text: string | RegExp): Locator;
  /** The newest call's status badge once it reads `label` (e.g. "Ringing"). */
  latestCallStatus(label: string): Locator;
  ticketRow(name: SeedName): Locator;
  openTicket(name: SeedName): Promise<void>;
  usePhoneOf(name: SeedName): Promise<void>;
  waIdOf(name: SeedName): string;
  /** Errors the page logged; a story ends with none. */
  pageErrors: string[];
  /** The main page's own agent bar (the instance's agent, Ana on instance 1). */
  self: AgentTab;
  /** Opens another tab on the page's server, working as `agent`; its stream is open on return. */
  openAgentTab(agent: AgentName): Promise<AgentTab>;
  close(): Promise<void>;
}

/**
 * A helpdesk and a fresh browser context. In memory (the default) the helpdesk is fresh too (fresh
 * simulator, seeded), so stories never share state; on a PGlite `store` it carries on from that folder.
 */
export async function openDemo(browser: Browser, options: DemoOptions = {}): Promise<Demo> {
  const helpdesk = await startHelpdesk({
    config: { mode: 'simulator' },
    port: 0,
    host: '127.0.0.1',
    webRoot,
    store: options.store ?? { kind: 'memory' },
    ...(options.instances ? { instances: options.instances } : {}),
  });
  const pageServer = helpdesk.instances[(options.pageOn ?? 1) - 1];
  if (!pageServer) {
    await helpdesk.close();
    throw new Error(`There is no instance ${options.pageOn} to serve the page.`);
  }
  let context: BrowserContext | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  try {
    context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    await installMediaProbe(context);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(pageServer.url);
  } catch (error) {
    // The story never gets a demo to close: stop what was started here.
    await context?.close();
    await helpdesk.close();
    throw error;
  }
  const browserContext = context;

  const agent = page.getByRole('region', { name: 'Agent console' });
  const phone = page.getByRole('region', { name: 'Customer phone' });
  const ticket = agent.getByRole('article');
  const waIdOf = (name: SeedName) => {
    const seed = seedCustomers.find((customer) => customer.name === name);
    if (!seed) throw new Error(`${name} is not a seeded customer.`);
    return seed.waId;
  };
  const ticketRow = (name: SeedName) =>
    agent.getByRole('navigation', { name: 'Tickets' }).getByRole('button', { name });

  const latestCall = ticket.getByRole('list', { name: 'Calls' }).getByRole('listitem').first();
  let self: AgentTab;
  try {
    self = await agentTab(page, pageErrors);
  } catch (error) {
    await browserContext.close();
    await helpdesk.close();
    throw error;
  }

  return {
    helpdesk,
    pageServer,
    page,
    agent,
    phone,
    ticket,
    latestCall,
    activity: (text) =>
      ticket
        .getByRole('region', { name: 'Call activity' })
        .getByRole('list')
        .first()
        .getByText(text),
    latestCallStatus: (label) =>
      latestCall.locator('.wacall-badge').filter({ hasText: new RegExp(`: ${label}$`) }),
    callButton: ticket.getByRole('button', { name: 'Call', exact: true }),
    ticketRow,
    async openTicket(name) {
      await ticketRow(name).click();
      await ticket.getByRole('heading', { name, level: 3 }).waitFor();
    },
    async usePhoneOf(name) {
      await phone.getByLabel('Phone of').selectOption(waIdOf(name));
      await phone.locator(`[data-owner="${waIdOf(name)}"]`).waitFor();
    },
    waIdOf,
    pageErrors,
    self,
    async openAgentTab(name) {
      const tab = await browserContext.newPage();
      const errors: string[] = [];
      tab.setDefaultTimeout(15_000);
      tab.on('pageerror', (error) => errors.push(error.message));
      tab.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await tab.goto(`${pageServer.url}/?agent=${name}`);
      return agentTab(tab, errors);
    },
    async close() {
      try {
        await browserContext.close();
      } finally {
        await helpdesk.close();
      }
    },
  };
}

/**
 * The agent bar of a page. It loads the agent's status once its event stream is open, so a checked
 * status means rings for this agent reach the page from now on.
 */
async function agentTab(page: Page, pageErrors: string[]): Promise<AgentTab> {
  const presence = page.getByRole('group', { name: 'Your status' });
  await presence.getByRole('radio', { checked: true }).waitFor();
  const offers = page.getByRole('region', { name: /^Incoming call/ });
  return {
    page,
    presence,
    offers,
    offerFrom: (name) => offers.filter({ hasText: name }),
    async choose(status) {
      await presence.getByRole('radio', { name: status }).check();
      await page
        .locator(`.wacall-presence[data-state="idle"][data-status="${status.toLowerCase()}"]`)
        .waitFor();
    },
    pageErrors,
  };
}
