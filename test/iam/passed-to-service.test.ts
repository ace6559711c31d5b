import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayPassToService } from '../../src/iam/aws/passed-to-service.js';
import { unknownValue, type PolicyStatement } from '../../src/model/model.js';

const LAMBDA = ['lambda.amazonaws.com'];
const on = (operator: string, values: string[]): PolicyStatement['condition'] => ({
  [operator]: { 'iam:PassedToService': values },
});

describe('mayPassToService: which services a statement allowing iam:PassRole can hand a role to', () => {
  it('no Condition, or none on iam:PassedToService: any service', () => {
    expect(mayPassToService(undefined, LAMBDA)).toBe(true);
    expect(mayPassToService({ StringEquals: { 'iam:AssociatedResourceArn': ['arn:aws:lambda:*'] } }, LAMBDA)).toBe(
      true,
    );
  });

  it('StringEquals and StringLike admit the services they name; the key is matched in any case', () => {
    expect(mayPassToService(on('StringEquals', ['lambda.amazonaws.com']), LAMBDA)).toBe(true);
    expect(mayPassToService(on('StringEquals', ['dax.amazonaws.com']), LAMBDA)).toBe(false);
    expect(mayPassToService({ StringEquals: { 'IAM:passedToService': ['dax.amazonaws.com'] } }, LAMBDA)).toBe(false);
    expect(mayPassToService(on('StringLike', ['lambda.*']), LAMBDA)).toBe(true);
    expect(mayPassToService(on('StringLike', ['application-autoscaling.*', 'dax.*']), LAMBDA)).toBe(false);
    // StringEquals compares case-sensitively; StringEqualsIgnoreCase does not.
    expect(mayPassToService(on('StringEquals', ['Lambda.amazonaws.com']), LAMBDA)).toBe(false);
    expect(mayPassToService(on('StringEqualsIgnoreCase', ['Lambda.amazonaws.com']), LAMBDA)).toBe(true);
  });

  it('IfExists and the set prefixes compare as the plain operator: the key is on every PassRole request', () => {
    expect(mayPassToService(on('StringEqualsIfExists', ['dax.amazonaws.com']), LAMBDA)).toBe(false);
    expect(mayPassToService(on('ForAnyValue:StringLike', ['dax.*']), LAMBDA)).toBe(false);
    expect(mayPassToService(on('ForAllValues:StringEquals', ['lambda.amazonaws.com']), LAMBDA)).toBe(true);
  });

  it('the negated operators rule out the services they name', () => {
    expect(mayPassToService(on('StringNotEquals', ['lambda.amazonaws.com']), LAMBDA)).toBe(false);
    expect(mayPassToService(on('StringNotLike', ['lambda.*']), LAMBDA)).toBe(false);
    expect(mayPassToService(on('StringNotEquals', ['ec2.amazonaws.com']), LAMBDA)).toBe(true);
  });

  it("a path handing roles to several services stays open while one of them is admitted; the China partition's form admits too", () => {
    expect(
      mayPassToService(on('StringEquals', ['ec2.amazonaws.com']), ['datapipeline.amazonaws.com', 'ec2.amazonaws.com']),
    ).toBe(true);
    expect(mayPassToService(on('StringEquals', ['lambda.amazonaws.com.cn']), LAMBDA)).toBe(true);
  });

  it('clauses are ANDed: one that rules the service out is enough', () => {
    expect(
      mayPassToService(
        {
          StringLike: { 'iam:PassedToService': ['*'] },
          StringEquals: { 'iam:PassedToService': ['dax.amazonaws.com'] },
        },
        LAMBDA,
      ),
    ).toBe(false);
  });

  it('what it cannot read rules nothing out: an Unknown value, a policy variable, another operator', () => {
    expect(
      mayPassToService(
        { StringEquals: { 'iam:PassedToService': [unknownValue('Ref Service (parameter without a default)')] } },
        LAMBDA,
      ),
    ).toBe(true);
    expect(mayPassToService(on('StringEquals', ['${aws:PrincipalTag/service}']), LAMBDA)).toBe(true);
    expect(mayPassToService(on('ArnLike', ['dax.amazonaws.com']), LAMBDA)).toBe(true);
  });

  it('property: a StringEquals clause admits exactly the services it lists (as written or in their .cn form)', () => {
    const service = fc
      .constantFrom('lambda', 'ec2', 'glue', 'dax', 'codebuild', 'ecs-tasks')
      .map((name) => `${name}.amazonaws.com`);
    fc.assert(
      fc.property(fc.array(service, { maxLength: 4 }), service, (listed, asked) => {
        expect(mayPassToService(on('StringEquals', listed), [asked])).toBe(listed.includes(asked));
        expect(mayPassToService(on('StringNotEquals', listed), [asked])).toBe(!listed.includes(asked));
      }),
    );
  });
});
