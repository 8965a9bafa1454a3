import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { isStoreUrl, redactAddress } from '../../store/index.js';
import type { CliContext } from '../context.js';

export function registerMigrate(program: Command, context: CliContext): void {
  program
    .command('migrate')
    .description('move a SQLite database into an empty PostgreSQL database, then compare every table')
    .requiredOption('--from <file>', 'the SQLite database file')
    .requiredOption('--to <url>', 'the PostgreSQL database (postgres://user@host/db)')
    .addHelpText(
      'after',
      '\nExample:\n  $ parley migrate --from parley.db --to postgres://parley@db.example.org/parley',
    )
    .action(async (options: { from: string; to: string }) => {
      if (!existsSync(options.from)) throw new Error(`${options.from}: no such database file`);
      if (!isStoreUrl(options.to)) throw new Error(`${options.to}: --to must be a postgres:// URL`);
      const { migrateSqliteToPostgres } = await import('../../store/migrate.js');
      const reports = await migrateSqliteToPostgres(options.from, options.to, {
        onTable: (report) => {
          context.stdout.write(
            `${report.table}: ${report.sourceRows} → ${report.targetRows} rows, checksum ${report.sourceChecksum.slice(0, 16)} ${report.ok ? '=' : '≠'} ${report.targetChecksum.slice(0, 16)}\n`,
          );
          if (!report.ok) context.failures++;
        },
      });
      const rows = reports.reduce((sum, report) => sum + report.targetRows, 0);
      const failed = reports.filter((report) => !report.ok).map((report) => report.table);
      if (failed.length > 0)
        context.stderr.write(`parley: ${failed.join(', ')}: the copy differs from ${options.from}\n`);
      else
        context.stdout.write(
          `moved ${rows} rows from ${options.from} to ${redactAddress(options.to)}; every table matches\n`,
        );
    });
}
