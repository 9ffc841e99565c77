import { runCallLogConformance } from '@wacall/core/testing';
import { describe, inject, it } from 'vitest';
import { RedisStore } from '../src/index';

const url = inject('redisUrl');
let run = 0;

runCallLogConformance(() => new RedisStore({ url, prefix: `log:${process.pid}:${++run}:` }), {
  describe,
  it,
  title: 'Call log on RedisStore',
});
