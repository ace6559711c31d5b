/**
 * Progress for long runs, on a terminal only: one line on stderr rewritten in place, cleared when the run ends.
 * Silent when stderr is piped or redirected, and in CI (`CI` set), where rewritten lines only clutter logs.
 */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** Step `current` of `total` (1-based), with what is being done. */
  update(current: number, total: number, label: string): void;
  /** Clears the line. */
  done(): void;
}

const CLEAR_LINE = '\r\u001b[2K';
const SILENT: Progress = { update: () => undefined, done: () => undefined };

export function isProgressWanted(stream: ProgressStream, env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  return stream.isTTY === true && (ci === undefined || ci === '' || ci === '0' || ci.toLowerCase() === 'false');
}

export function createProgress(
  stream: ProgressStream,
  env: Record<string, string | undefined> = process.env,
): Progress {
  if (!isProgressWanted(stream, env)) return SILENT;
  let shown = false;
  return {
    update(current, total, label) {
      const width = 20;
      const filled = total > 0 ? Math.round((current / total) * width) : 0;
      stream.write(
        // Control characters are what this removes (a label must not move the cursor).
        // eslint-disable-next-line no-control-regex
        `${CLEAR_LINE}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${current}/${total} ${label.replace(/[\u0000-\u001f\u007f]/g, '')}`,
      );
      shown = true;
    },
    done() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
