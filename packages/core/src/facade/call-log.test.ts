import { describe, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import { runCallLogConformance } from './call-log-conformance';

runCallLogConformance(({ now }) => new MemoryStore({ now }), {
  describe,
  it,
  title: 'Call log on MemoryStore',
});
