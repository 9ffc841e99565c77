/** `cloudApiHandlers()`: the simulator as msw request handlers. The only module that imports msw. */
import { http, type HttpHandler } from 'msw';
import type { CloudApiSimulator } from './simulator';

export interface CloudApiHandlersOptions {
  /** The Graph host your client talks to. Default `https://graph.facebook.com`. */
  baseUrl?: string;
}

/** msw handlers that answer every Graph request under `baseUrl` from the simulator. */
export function cloudApiHandlers(
  simulator: CloudApiSimulator,
  options: CloudApiHandlersOptions = {},
): HttpHandler[] {
  const baseUrl = (options.baseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, '');
  return [http.all(`${baseUrl}/*`, ({ request }) => simulator.fetch(request))];
}
