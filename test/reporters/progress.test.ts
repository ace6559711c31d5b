import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/reporters/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('terminal progress', () => {
  it('rewrites one line on a terminal and clears it when done', () => {
    const tty = stream(true);
    const progress = createProgress(tty, {});
    progress.update(3, 12, 'checking restrict-trust');
    progress.done();
    expect(tty.written).toEqual(['\r\u001b[2K[#####...............] 3/12 checking restrict-trust', '\r\u001b[2K']);
  });

  it('is silent when piped, in CI, and clears nothing it never drew', () => {
    for (const [target, env] of [
      [stream(false), {}],
      [stream(true), { CI: 'true' }],
      [stream(true), { CI: '1' }],
    ] as const) {
      const progress = createProgress(target, env);
      progress.update(1, 2, 'x');
      progress.done();
      expect(target.written).toEqual([]);
    }
    const tty = stream(true);
    createProgress(tty, { CI: 'false' }).done();
    expect(tty.written).toEqual([]);
  });

  it('strips control characters from labels (a path cannot move the cursor)', () => {
    const tty = stream(true);
    createProgress(tty, {}).update(1, 1, 'reading a\u001b[2Jb\n');
    expect(tty.written[0]).toBe('\r\u001b[2K[####################] 1/1 reading a[2Jb');
  });
});
