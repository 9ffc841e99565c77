// `pnpm demo` runs this file once built: it reads the environment, starts the helpdesk and prints its URL.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readDemoConfig, readFleetConfig, readPort, redisLocation } from './demo-config';
import { startHelpdesk } from './start-helpdesk';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const config = readDemoConfig(process.env);
  const fleet = readFleetConfig(process.env, {
    mode: config.mode,
    runId: randomBytes(4).toString('hex'),
  });
  const helpdesk = await startHelpdesk({
    config,
    port: readPort(process.env),
    instances: fleet.instances,
    ...(fleet.redis ? { redis: fleet.redis } : {}),
    ...(process.env['HOST'] ? { host: process.env['HOST'] } : {}),
    // The server bundle sits in dist/server, the web app in dist/web.
    webRoot: fileURLToPath(new URL('../web/', import.meta.url)),
    log,
  });
  const mode =
    config.mode === 'simulator'
      ? 'offline, on the Cloud API simulator'
      : 'on the WhatsApp Cloud API; webhook route: /webhook';
  log(`Helpdesk demo running ${mode}`);
  const state = fleet.redis
    ? `on Redis at ${redisLocation(fleet.redis.url)}, keys under "${fleet.redis.prefix}"`
    : 'in memory';
  if (helpdesk.instances.length === 1) {
    log(`State lives ${state}.`);
    log(`Open ${helpdesk.url}`);
  } else {
    log(`${helpdesk.instances.length} instances share one helpdesk, state ${state}:`);
    helpdesk.instances.forEach((instance, index) => {
      const role = index === 0 && config.mode === 'simulator' ? ' (receives the webhooks)' : '';
      log(`  instance ${index + 1}: ${instance.url}${role}`);
    });
  }

  const stop = () => {
    void helpdesk.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const busy = (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
  console.error(
    busy
      ? 'A port is already in use. Start the demo on another one, e.g. PORT=5180 (instances use PORT, PORT+1, …).'
      : `The helpdesk demo could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
