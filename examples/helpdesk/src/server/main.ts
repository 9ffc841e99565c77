// `pnpm demo` runs this file once built: it reads the environment, starts the helpdesk and prints its URL.
import { fileURLToPath } from 'node:url';
import { chooseStore } from './choose-store';
import { readDemoConfig, readPort } from './demo-config';
import { startHelpdesk } from './start-helpdesk';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const config = readDemoConfig(process.env);
  const dataDir = fileURLToPath(new URL('../../data/wacall', import.meta.url));
  const chosen = await chooseStore(process.env, dataDir);
  const helpdesk = await startHelpdesk({
    config,
    store: chosen.store,
    port: readPort(process.env),
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
  log(`State kept ${chosen.description}; WACALL_STORE=memory starts afresh every time`);
  log(`Open ${helpdesk.url}`);

  const stop = () => {
    void helpdesk
      .close()
      .then(() => chosen.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const busy = (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
  console.error(
    busy
      ? 'The port is already in use. Start the demo on another one, e.g. PORT=5174.'
      : `The helpdesk demo could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
