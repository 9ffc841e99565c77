import type { IncomingMessage } from 'node:http';

export interface RouteContext {
  params: Record<string, string>;
  req: IncomingMessage;
}

/** A JSON route: resolves with the answer body (sent with 200) or throws (mapped by `errorAnswer`). */
export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  names: string[];
  handle(context: RouteContext): Promise<unknown>;
}

/** `'/api/calls/:callId/accept'` → a route whose `params.callId` is the decoded path segment. */
export function route(method: Route['method'], path: string, handle: Route['handle']): Route {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { method, pattern: new RegExp(`^${source}$`), names, handle };
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong_method' }
  | { kind: 'none' };

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  let pathMatched = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    const params: Record<string, string> = {};
    candidate.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] ?? '');
    });
    return { kind: 'found', route: candidate, params };
  }
  return pathMatched ? { kind: 'wrong_method' } : { kind: 'none' };
}
