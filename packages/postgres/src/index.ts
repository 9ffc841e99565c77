export { PostgresStore } from './postgres-store';
export { defaultSchema, migrationSql, migrations } from './migrations';
export type { PostgresStoreOptions } from './postgres-store';
export type { Migration } from './migrations';
export type { PGliteLike, PgPoolClientLike, PgPoolLike } from './database';
