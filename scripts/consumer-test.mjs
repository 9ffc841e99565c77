#!/usr/bin/env node
// Installs the packages as a user does and uses them: packs every package (`pnpm pack`), installs the
// tarballs into fresh npm projects next to the peers users pick today, then checks that `npm ls` is clean,
// that strict TypeScript accepts them under `nodenext` and `bundler`, and that an ESM and a CJS script run
// (a client against the mock server; a signed webhook through the node handler into `createWacall`).
//
// Two projects cover the peer ranges: ioredis 5 + React 18, and ioredis 6 + React 19; both have vitest 2
// installed (core has no vitest peer to clash with it). The typed code uses node:test's runner for the
// conformance suite, so the type-check does not spend its time on vitest's and vite's declarations.
// npm runs with --prefer-offline, so a warm npm cache needs no network. `CONSUMER_KEEP=1` keeps the projects.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = readdirSync(join(root, 'packages')).sort();
const typescript = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies
  .typescript;

const projects = [
  {
    name: 'ioredis-5-react-18',
    peers: ['ioredis@^5', 'react@^18', 'react-dom@^18', '@types/react@^18', '@types/react-dom@^18'],
  },
  {
    name: 'ioredis-6-react-19',
    peers: ['ioredis@^6', 'react@^19', 'react-dom@^19', '@types/react@^19', '@types/react-dom@^19'],
  },
];
const common = ['vitest@^2', `typescript@${typescript}`, '@types/node@^20'];

let step = 0;
/** Runs one step, printing its time; `quiet` shows the output only when the step fails. */
function run(command, args, cwd, { quiet = false } = {}) {
  step += 1;
  const started = Date.now();
  try {
    execFileSync(command, args, { cwd, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  } catch (error) {
    if (quiet) console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`[${step}] ${command} ${args.join(' ')} failed (in ${cwd})`);
  }
  console.log(
    `[${step}] ${command} ${args.join(' ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

function pack(into) {
  for (const name of packages) {
    if (!existsSync(join(root, 'packages', name, 'dist'))) {
      run('pnpm', ['build'], root);
      break;
    }
  }
  for (const name of packages) {
    run('pnpm', ['pack', '--pack-destination', into], join(root, 'packages', name), {
      quiet: true,
    });
  }
  return readdirSync(into)
    .filter((file) => file.endsWith('.tgz'))
    .map((file) => join(into, file));
}

const files = {
  // Every entry point, typed, as an app would use it.
  'src/server.ts': `
import { createClient, createWacall, parseWebhook, type WebhookEvent } from '@wacall/core';
import { checkOfferSdp } from '@wacall/core/browser';
import { fieldLimits } from '@wacall/core/platform';
import { runStoreConformance } from '@wacall/core/testing';
import { createCloudApiSimulator, startSimulatorServer } from '@wacall/mock';
import { createWebhookHandler, DEFAULT_MAX_BODY_BYTES } from '@wacall/node';
import { RedisStore } from '@wacall/redis';
import { Redis } from 'ioredis';
import { describe, it } from 'node:test';

const simulator = createCloudApiSimulator({ appSecret: 's' });
const wacall = createWacall({
  client: createClient({ accessToken: 't', phoneNumberId: '1', fetch: simulator.fetch }),
  businessNumber: '+44 20 7946 0000',
  now: simulator.now,
  store: new RedisStore({ client: new Redis({ lazyConnect: true }), prefix: 'app:' }),
});
export const handler = createWebhookHandler({
  appSecret: 's',
  verifyToken: 'v',
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  onEvents: (events: WebhookEvent[]) => wacall.ingest(events),
});
export const parsed = parseWebhook('{}').issues.length + checkOfferSdp('v=0').length;
export const labelMax: number = fieldLimits.displayText.maxLength;
export const server = startSimulatorServer({ simulator });
if (process.env.NEVER) runStoreConformance(() => new RedisStore({ prefix: 'x:' }), { describe, it, clock: 'real' });
`,
  'src/console.tsx': `
import type { CustomerView } from '@wacall/core';
import { CallButton, useCallMedia } from '@wacall/react';
import { startOutgoingCall } from '@wacall/webrtc';
import '@wacall/react/styles.css';

export function Console({ view }: { view: CustomerView }) {
  const media = useCallMedia({ onOffer: async (sdp: string) => sdp.length });
  return (
    <CallButton
      customer={view}
      media={media}
      onStartCall={() => media.start()}
      onSendPermissionRequest={async () => undefined}
      onSendCallInvite={async () => undefined}
    />
  );
}
export const place = () => startOutgoingCall();
`,
  'tsconfig.nodenext.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2023', 'dom', 'dom.iterable'],
      jsx: 'react-jsx',
      types: ['node'],
      noUncheckedSideEffectImports: true,
      skipLibCheck: false,
    },
    include: ['src'],
  }),
  'tsconfig.bundler.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: 'esnext',
      moduleResolution: 'bundler',
      target: 'es2022',
      lib: ['es2023', 'dom', 'dom.iterable'],
      jsx: 'react-jsx',
      types: ['node'],
      noUncheckedSideEffectImports: true,
      skipLibCheck: true, // the nodenext run above checks every declaration file once
    },
    include: ['src'],
  }),
};

// The same smoke test in both module systems; `load` is `import` or `require`.
const smoke = (load) => `
const { createClient, createWacall } = ${load('@wacall/core')};
const { createCloudApiSimulator, startSimulatorServer } = ${load('@wacall/mock')};
const { createWebhookHandler } = ${load('@wacall/node')};
const { RedisStore } = ${load('@wacall/redis')};

async function main() {
  // A client against the mock's HTTP server.
  const server = await startSimulatorServer({ appSecret: 'consumer-secret' });
  try {
    const { phoneNumberId } = server.simulator.businessNumber;
    const client = createClient({ accessToken: 'token', phoneNumberId, baseUrl: server.url, retry: false });
    const permission = await client.permissions.get({ userWaId: '14085551234' });
    if (permission.status !== 'no_permission') throw new Error('unexpected permission ' + permission.status);
  } finally {
    await server.close();
  }

  // A webhook signed by the simulator, through the node handler, into createWacall.
  const simulator = createCloudApiSimulator({ appSecret: 'consumer-secret' });
  const { phoneNumberId, displayPhoneNumber } = simulator.businessNumber;
  const wacall = createWacall({
    client: createClient({ accessToken: 'token', phoneNumberId, fetch: simulator.fetch }),
    businessNumber: displayPhoneNumber,
    now: simulator.now,
  });
  const handler = createWebhookHandler({
    appSecret: 'consumer-secret',
    verifyToken: 'verify',
    onEvents: (events) => wacall.ingest(events),
  });
  const statuses = [];
  simulator.onWebhook(async (delivery) => {
    const request = new Request('http://localhost/webhook', {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    });
    statuses.push((await handler.fetch(request)).status);
  });
  await simulator.customer('14085551234').sendMessage('Hello from the consumer test');
  const view = await wacall.getCustomer('14085551234');
  if (statuses.join() !== '200' || !(view.windowOpenUntil > simulator.now())) {
    throw new Error('the webhook did not reach createWacall: ' + JSON.stringify({ statuses, view }));
  }
  if (typeof RedisStore !== 'function') throw new Error('RedisStore is missing');
  console.log('smoke: client, mock server, signed webhook and createWacall work');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

function main() {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'wacall-consumer-'));
  try {
    const tarballs = pack(join(work, 'tarballs'));
    if (tarballs.length !== packages.length)
      throw new Error(`packed ${tarballs.length} of ${packages.length}`);
    for (const project of projects) {
      const dir = join(work, project.name);
      execFileSync('mkdir', ['-p', join(dir, 'src')]);
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: `wacall-consumer-${project.name}`, private: true, type: 'module' }),
      );
      for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
      writeFileSync(
        join(dir, 'smoke.mjs'),
        smoke((name) => `await import('${name}')`),
      );
      writeFileSync(
        join(dir, 'smoke.cjs'),
        smoke((name) => `require('${name}')`),
      );
      run(
        'npm',
        [
          'install',
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          ...tarballs,
          ...project.peers,
          ...common,
        ],
        dir,
      );
      // Any invalid, missing or extraneous package, peer ranges included, makes `npm ls` fail.
      run('npm', ['ls', '--all'], dir, { quiet: true });
      run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.nodenext.json'], dir);
      run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.bundler.json'], dir);
      run('node', ['smoke.mjs'], dir);
      run('node', ['smoke.cjs'], dir);
    }
    console.log(
      `\nconsumer test: ${projects.length} projects passed in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } finally {
    if (process.env.CONSUMER_KEEP === '1') console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main();
