// Demo: the real `cdk synth` on examples/cdk-app, failing on the stack with the classic mistakes and passing on
// the compliant one. Expects `npm run build` to have run (npm run demo does). Exit code: 0 when both behave.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'node_modules/.bin');

function synth(stacks) {
  const args = [
    'synth',
    '--no-notices',
    '-q',
    '--app',
    `${process.execPath} bin/app.ts`,
    '-c',
    `stacks=${stacks}`,
    '-o',
    mkdtempSync(join(tmpdir(), 'eg-demo-')),
  ];
  console.log(
    `\n$ cdk synth -c stacks=${stacks}     (examples/cdk-app, EntitlementGuard aspect, examples/catalog.yaml)\n`,
  );
  const result = spawnSync(join(bin, 'cdk'), args, {
    cwd: join(root, 'examples/cdk-app'),
    stdio: 'inherit',
    env: {
      ...process.env,
      PATH: `${bin}${delimiter}${process.env.PATH}`,
      CDK_VALIDATION: 'false',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
    },
  });
  console.log(`\n→ cdk synth exited with ${result.status}`);
  return result.status;
}

const bad = synth('bad');
const good = synth('good');
process.exitCode = bad === 1 && good === 0 ? 0 : 1;
