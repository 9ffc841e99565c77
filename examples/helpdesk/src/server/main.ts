// `pnpm demo` runs this file once built: it reads the environment, starts the helpdesk and prints its URL.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readDemoConfig, readFleetConfig, readPort } from './demo-config';
import { resetHint, storeLocation } from './demo-store';
import { startHelpdesk } from './start-helpdesk';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const config = readDemoConfig(process.env);
  const fleet = readFleetConfig(process.env, {
    mode: config.mode,
    runId: randomBytes(4).toString('hex'),
    // The bundle sits in examples/helpdesk/dist/server: the data folder is the demo's, whatever the cwd.
    dataDir: fileURLToPath(new URL('../../.data/', import.meta.url)),
  });
  const helpdesk = await startHelpdesk({
    config,
    port: readPort(process.env),
    instances: fleet.instances,
    store: fleet.store,
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
  const state = storeLocation(fleet.store);
  log(`State lives ${state}. ${resetHint(fleet.store, config.mode)}`);
  if (helpdesk.restored) log('The simulated WhatsApp carries on from the saved state.');
  if (helpdesk.instances.length === 1) {
    log(`Open ${helpdesk.url}`);
  } else {
    log(`${helpdesk.instances.length} instances share one helpdesk:`);
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
