import { describe, expect, it } from 'vitest';
import { readSdpFixture } from '../../../test/sdp-fixtures';
import { inspectSdp } from './inspect-sdp';
import { normalizeSdpLineEndings } from './normalize-sdp-line-endings';

describe('normalizeSdpLineEndings', () => {
  it('turns an SDP with \\n line ends back into the exact \\r\\n text', () => {
    const original = readSdpFixture('chromium-answer');
    expect(normalizeSdpLineEndings(original.replaceAll('\r\n', '\n'))).toBe(original);
  });

  it('leaves a correct SDP unchanged and fixes mixed or missing final line ends', () => {
    const original = readSdpFixture('meta-offer');
    expect(normalizeSdpLineEndings(original)).toBe(original);
    const mixed = original.replace('\r\n', '\n').replace('\r\n', '\r').trimEnd();
    expect(normalizeSdpLineEndings(mixed)).toBe(original);
    expect(inspectSdp(normalizeSdpLineEndings(mixed)).lineEndings).toBe('crlf');
  });
});
