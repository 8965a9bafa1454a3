/** The acceptance run of issue 10: three workers, one SIGKILLed mid-run, 5,000 articles exactly once. */
import { after, before, describe, it } from 'node:test';
import { postgresUnavailable, startPostgres, type PgCluster } from '../postgres.js';
import { killOneOfThreeWorkers } from '../workers-support.js';

describe('parley worker at scale', { skip: postgresUnavailable() }, () => {
  let cluster: PgCluster;
  before(async () => {
    cluster = await startPostgres();
  });
  after(() => cluster.stop());

  it('three workers on one PostgreSQL, one killed with SIGKILL: all 5,000 articles analysed exactly once', async () => {
    await killOneOfThreeWorkers(await cluster.createDatabase(), 5000);
  });
});
