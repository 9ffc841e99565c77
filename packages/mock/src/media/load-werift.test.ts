import { describe, expect, it } from 'vitest';
import { isSimulatorUsageError } from '../errors/simulator-usage-error';
import { loadWerift } from './load-werift';

const missing = (code: string) =>
  Object.assign(
    new Error(
      `Cannot find package 'werift' imported from /app/node_modules/@wacall/mock/dist/index.js`,
    ),
    { code },
  );

describe('loadWerift', () => {
  it('loads the real werift when it is installed', async () => {
    const werift = await loadWerift();
    expect(typeof werift.RTCPeerConnection).toBe('function');
  });

  it.each(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'])(
    'turns a missing werift (%s) into a SimulatorUsageError that says how to install it',
    async (code) => {
      const error = await loadWerift(() => Promise.reject(missing(code))).catch((e: unknown) => e);
      expect(isSimulatorUsageError(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /media: true.*werift.*npm install --save-dev werift/s,
      );
    },
  );

  it('passes any other failure through unchanged', async () => {
    const broken = new TypeError('werift exploded while loading');
    await expect(loadWerift(() => Promise.reject(broken))).rejects.toBe(broken);
  });
});
