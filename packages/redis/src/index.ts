export { RedisStore } from './redis-store';
export type { RedisStoreOptions } from './redis-store';
