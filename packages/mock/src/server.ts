/** `startSimulatorServer()`: the simulator behind a real `node:http` server speaking Graph paths. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatorUsageError } from './errors/simulator-usage-error';
import {
  createCloudApiSimulator,
  type CloudApiSimulator,
  type CloudApiSimulatorOptions,
} from './simulator';

export interface SimulatorServerOptions extends Partial<CloudApiSimulatorOptions> {
  /** Default `0`: any free port (read it from `url`). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The simulator to serve; created from the other options (which then need `appSecret`) when absent. */
  simulator?: CloudApiSimulator;
  /** How often due timers (ring timeouts) run in real time. Default 1000 ms; `0` turns it off. */
  tickIntervalMs?: number;
}

export interface SimulatorServer {
  /** Base URL to use as the client's `baseUrl`, e.g. `http://127.0.0.1:43121`. */
  url: string;
  port: number;
  simulator: CloudApiSimulator;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

const maxBodyBytes = 3 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function serve(
  simulator: CloudApiSimulator,
  base: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const method = (req.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  if (body === undefined && method !== 'GET' && method !== 'HEAD') {
    res.writeHead(413, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        error: { message: 'Request body larger than 3 MB', type: 'OAuthException', code: 100 },
      }),
    );
    return;
  }
  const request = new Request(new URL(req.url ?? '/', base), {
    method,
    headers: toHeaders(req),
    ...(body === undefined || body.length === 0 ? {} : { body: new Uint8Array(body) }),
  });
  const response = await simulator.fetch(request);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()));
}

function simulatorFor(
  given: CloudApiSimulator | undefined,
  options: Partial<CloudApiSimulatorOptions>,
): CloudApiSimulator {
  if (given !== undefined) return given;
  const { appSecret } = options;
  if (appSecret === undefined || appSecret === '') {
    throw new SimulatorUsageError(
      'startSimulatorServer needs a simulator or an appSecret.',
      'Pass { simulator } or { appSecret, webhookUrl? }.',
    );
  }
  return createCloudApiSimulator({ ...options, appSecret });
}

/** Starts a Graph-compatible HTTP server on `host:port` backed by a Cloud API simulator. */
export async function startSimulatorServer(
  options: SimulatorServerOptions = {},
): Promise<SimulatorServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    tickIntervalMs = 1000,
    simulator: given,
    ...simulatorOptions
  } = options;
  const simulator = simulatorFor(given, simulatorOptions);
  let base = `http://${host}`;
  const server = createServer((req, res) => {
    serve(simulator, base, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            message: error instanceof Error ? error.message : 'Internal error',
            type: 'OAuthException',
            code: 1,
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  base = `http://${hostInUrl}:${address.port}`;
  const timer =
    tickIntervalMs > 0 ? setInterval(() => void simulator.tick(), tickIntervalMs) : undefined;
  timer?.unref();
  return {
    url: base,
    port: address.port,
    simulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (timer !== undefined) clearInterval(timer);
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
