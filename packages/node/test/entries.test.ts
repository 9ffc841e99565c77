import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as nodeEntry from '../src/index';
import * as webEntry from '../src/web';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Every module specifier reachable from an entry: relative ones are followed, the rest collected. */
function externalImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(
      /(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g,
    )) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), `${specifier}.ts`));
      else external.add(specifier);
    }
  };
  visit(resolve(src, entry));
  return external;
}

describe('package entries', () => {
  it('keeps node:* imports out of the Web Crypto entry', () => {
    expect([...externalImports('web.ts')]).toEqual(['@wacall/core']);
  });

  it('uses node:crypto (and its Buffer) in the node entry, and nothing else from Node', () => {
    expect([...externalImports('index.ts')].sort()).toEqual([
      '@wacall/core',
      'node:buffer',
      'node:crypto',
    ]);
  });

  it('exports the same names from both entries', () => {
    expect(Object.keys(webEntry).sort()).toEqual(Object.keys(nodeEntry).sort());
    expect(Object.keys(nodeEntry).sort()).toEqual([
      'DEFAULT_MAX_BODY_BYTES',
      'EventStreamConfigError',
      'RawBodyError',
      'WebhookConfigError',
      'createEventStream',
      'createWebhookHandler',
      'isEventStreamConfigError',
      'isRawBodyError',
      'isWebhookConfigError',
      'signPayload',
      'verifySignature',
    ]);
  });
});
