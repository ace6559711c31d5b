/**
 * The APIs AWS serves without credentials (src/iam/aws/public-apis.ts): each must still be an action of the Service
 * Authorization Reference, or a renamed action would silently stop matching and its holders be reported again.
 */
import { describe, expect, it } from 'vitest';
import { lookupAction } from '../../src/iam/aws/actions.js';
import { isPublicApi, PUBLIC_APIS } from '../../src/iam/aws/public-apis.js';

describe('public APIs', () => {
  it.each(PUBLIC_APIS.map((api) => [api.action, api.source]))('%s is an action of the dataset (%s)', (action) => {
    expect(lookupAction(action)?.name).toBe(action);
  });

  it('matches case-insensitively, and nothing that needs credentials', () => {
    expect(isPublicApi('Cognito-Identity:getcredentialsforidentity')).toBe(true);
    expect(isPublicApi('cognito-identity:DeleteIdentityPool')).toBe(false);
    expect(isPublicApi('cognito-identity:*')).toBe(false);
  });
});
