import { createHmac } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as nodeEntry from '../src/index';
import * as webEntry from '../src/web';

/** Both builds of the package: every behaviour must hold for each. */
export const entries = [
  ['node:crypto entry', nodeEntry],
  ['Web Crypto entry', webEntry],
] as const;

export type Entry = typeof nodeEntry;

export const APP_SECRET = 'c3f1a9d2e87b4c6f90a1b2c3d4e5f607';
export const OLD_APP_SECRET = '0a9b8c7d6e5f40312233445566778899';
export const VERIFY_TOKEN = 'verify-me-7d1e';

/** HMAC-SHA256 computed independently of the code under test. */
export function expectedSignature(body: string | Uint8Array, secret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Starts a real HTTP server on loopback, on a free port. */
export async function startServer(listener: RequestListener) {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
