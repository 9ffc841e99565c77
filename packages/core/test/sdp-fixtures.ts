import { readFileSync } from 'node:fs';

/** The SDP fixture `name` (without `.sdp`), byte for byte. */
export function readSdpFixture(name: string): string {
  return readFileSync(new URL(`./fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');
}
