import type { Agent } from '@wacall/core';
import { HttpError } from './http-json';

/** The demo's agents. The demo has no login: a page says whom it works as (`?agent=ben`). */
export const demoAgents: readonly Agent[] = [
  { id: 'agent-ana', name: 'Ana' },
  { id: 'agent-ben', name: 'Ben' },
];

/** The header the web app sends with every API request, naming its agent by short name (`ana`). */
export const agentHeader = 'x-demo-agent';

/** `ana` → Ana: the short name a page's `?agent=` and the agent header carry. */
export function agentNamed(name: string): Agent | undefined {
  return demoAgents.find((agent) => agent.name.toLowerCase() === name.trim().toLowerCase());
}

/**
 * Whom a request works as: the agent named by the header (API) or the `agent` query parameter (the
 * event stream, which EventSource opens without headers), else the instance's own agent. A real app
 * takes this from its session instead, after signing the agent in.
 */
export function agentOf(
  headers: { get(name: string): string | null },
  url: URL,
  fallback: Agent,
): Agent {
  const named = headers.get(agentHeader) ?? url.searchParams.get('agent');
  if (named === null || named === '') return fallback;
  const agent = agentNamed(named);
  if (!agent) {
    const known = demoAgents.map((each) => each.name.toLowerCase()).join(' or ');
    throw new HttpError(400, 'bad_request', `There is no demo agent "${named}": use ${known}.`);
  }
  return agent;
}
