/**
 * AWS's own sample templates (aws-cloudformation/aws-cloudformation-templates, Apache-2.0): the 49 of its 311 JSON and
 * YAML files on which a rule that judges content has something to say (the YAML one where a sample ships in both
 * formats), and one rain source in both formats, copied verbatim into test/corpus/aws-cloudformation-templates.
 * Each is checked on its own with no catalog; the verdicts, errors and content findings are exactly those in the
 * snapshot, judged in test/corpus/aws-cloudformation-templates/README.md.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEachTemplate, snapshotOf } from './support/each-template.js';

const TEMPLATES = join(import.meta.dirname, 'aws-cloudformation-templates/templates');

describe("AWS's sample templates, one check each", () => {
  const checks = checkEachTemplate(TEMPLATES);

  it('blocks 47 samples; passes the two Fn::ForEach samples, expanded; the rain sources are located errors', () => {
    expect(checks.size).toBe(51);
    const rainSources = ['Solutions/GitLab/GitLabServer.json', 'Solutions/GitLab/GitLabServer.yaml'];
    // Their loops make DynamoDB tables and S3 buckets: nothing left unseen once expanded, nothing to judge.
    const loops = ['CloudFormation/fn-foreach-ddb.yaml', 'CloudFormation/fn-foreach-s3-outputs.yaml'];
    for (const [file, result] of checks) {
      if (rainSources.includes(file)) {
        expect(result.exitCode, file).toBe(2);
        expect(result.errors.join('\n'), file).toContain('check the template `rain pkg` writes from this source');
      } else expect(result.exitCode, file).toBe(loops.includes(file) ? 0 : 1);
    }
  });

  it('gives exactly the snapshot verdicts, errors and content findings (rule level resource identity detail)', async () => {
    await expect(snapshotOf(checks, TEMPLATES)).toMatchFileSnapshot(
      '__snapshots__/aws-cloudformation-templates-corpus.txt',
    );
  });
});
