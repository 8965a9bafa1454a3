/** A progress line on a terminal (stderr), silent when output is piped or in CI logs. */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../batch.js';

export interface ProgressReporter {
  update(progress: IngestProgress): void;
  stop(): void;
}

export function ingestProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        '{spinner} {stored} stored, {duplicates} duplicates, {failed} failed, {events} events | {rate} articles/s',
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  const spinner = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
  let tick = 0;
  bar.start(0, 0, { stored: 0, duplicates: 0, failed: 0, events: 0, rate: 0, spinner: spinner[0] });
  return {
    update(progress) {
      const seconds = (performance.now() - started) / 1000;
      const rate = Math.round((progress.stored + progress.duplicates) / Math.max(seconds, 0.001));
      bar.update(progress.read, { ...progress, rate, spinner: spinner[tick++ % spinner.length] });
    },
    stop: () => bar.stop(),
  };
}
