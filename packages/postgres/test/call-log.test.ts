import { runCallLogConformance } from '@wacall/core/testing';
import { describe, inject, it } from 'vitest';
import { PostgresStore } from '../src/index';

const url = inject('postgresUrl');
let run = 0;

runCallLogConformance(
  async () => {
    const store = new PostgresStore({
      connectionString: url,
      schema: `log_${process.pid}_${++run}`,
    });
    await store.migrate();
    return store;
  },
  { describe, it, title: 'Call log on PostgresStore (PostgreSQL server)' },
);
