// A real Server-Sent Events endpoint for the browser tests: @wacall/node's createEventStream on a
// node:http server, fed by POST /emit, so the hooks meet the bytes, ids and reconnects of production.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TestProject } from 'vitest/node';
import type { WacallEventMap } from '@wacall/core';
import { createEventStream } from '../../node/src/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sseUrl: string;
  }
}

type Listener = (payload?: unknown) => void;

async function readText(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

export default async function setup(project: TestProject) {
  const listeners = new Map<string, Set<Listener>>();
  const wacall = {
    on<E extends keyof WacallEventMap>(event: E, listener: WacallEventMap[E]) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => void set.delete(listener as Listener);
    },
  };
  // The agent is named in the query: EventSource cannot set headers, and cookies would need one origin.
  const stream = createEventStream(wacall, {
    authorize: (request) => {
      const agent = new URL(request.url).searchParams.get('agent');
      return agent ? { agent: { id: agent, name: agent }, customers: 'all' } : null;
    },
    retryMs: 100,
  });
  const open = new Map<string, Set<Socket>>();
  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const agent = url.searchParams.get('agent') ?? '';
    const sockets = open.get(agent) ?? new Set<Socket>();
    open.set(agent, sockets);
    if (url.pathname === '/events') {
      sockets.add(req.socket);
      res.on('close', () => sockets.delete(req.socket));
      void stream.node(req, res);
    } else if (url.pathname === '/emit' && req.method === 'POST') {
      void readText(req).then((body) => {
        const { type, data } = JSON.parse(body) as { type: string; data?: unknown };
        for (const listener of listeners.get(type) ?? []) listener(data);
        res.end('ok');
      });
    } else if (url.pathname === '/drop') {
      // The network drops the agent's streams; their browsers reconnect on their own.
      for (const socket of sockets) socket.destroy();
      res.end('ok');
    } else if (url.pathname === '/connections') {
      res.end(String(sockets.size));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('sseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    stream.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
}
