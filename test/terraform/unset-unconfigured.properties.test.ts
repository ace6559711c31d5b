/**
 * Property-based tests (fast-check) for how a plan's `after_unknown` marks are read against its configuration for the
 * optional, computed attributes a provider fills in when left out (`unsetUnlessConfigured`, a GKE node pool's
 * `node_config.service_account`): a mark is dropped only where the configuration does not write the attribute (never
 * where it does, in either form the configuration takes: blocks of expressions, or one constant value), and marks of
 * other attributes are left as they are. Dropping a written one would pass an account known only at apply in silence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unsetUnconfigured } from '../../src/adapters/terraform/to-model.js';

const PATHS = ['node_config', 'node_config.service_account', 'node_config.oauth_scopes'];
/** How the configuration writes `service_account` inside node_config: not at all, as a literal, from a reference. */
const written = fc.constantFrom('absent', 'constant', 'reference');
const otherMarks = fc.dictionary(fc.constantFrom('image_type', 'disk_size_gb', 'labels'), fc.boolean());

/** The configuration's node_config as Terraform writes blocks (a list of expression objects) or as one constant. */
function configuration(serviceAccount: string, form: 'blocks' | 'constant', scopes: boolean): Record<string, unknown> {
  if (form === 'constant')
    return {
      node_config: {
        constant_value: [
          {
            machine_type: 'e2-medium',
            ...(serviceAccount === 'constant' ? { service_account: 'nodes@p.iam.gserviceaccount.com' } : {}),
            ...(scopes ? { oauth_scopes: ['https://www.googleapis.com/auth/cloud-platform'] } : {}),
          },
        ],
      },
    };
  return {
    node_config: [
      {
        machine_type: { constant_value: 'e2-medium' },
        ...(serviceAccount === 'constant'
          ? { service_account: { constant_value: 'nodes@p.iam.gserviceaccount.com' } }
          : {}),
        ...(serviceAccount === 'reference'
          ? { service_account: { references: ['google_service_account.nodes.email', 'google_service_account.nodes'] } }
          : {}),
        ...(scopes ? { oauth_scopes: { constant_value: ['https://www.googleapis.com/auth/cloud-platform'] } } : {}),
      },
    ],
  };
}

describe('unknown marks of attributes the provider fills in', () => {
  it('are dropped exactly where the configuration does not write them; other marks stay', () => {
    fc.assert(
      fc.property(
        written,
        fc.constantFrom('blocks' as const, 'constant' as const),
        fc.boolean(),
        otherMarks,
        (serviceAccount, form, scopes, others) => {
          // A reference in the constant form is not a constant: that form holds literals only.
          const account = form === 'constant' && serviceAccount === 'reference' ? 'constant' : serviceAccount;
          const unknown = { id: true, node_config: [{ service_account: true, oauth_scopes: true, ...others }] };
          const result = unsetUnconfigured(unknown, configuration(account, form, scopes), PATHS) as {
            id: boolean;
            node_config: Record<string, unknown>[];
          };
          const block = result.node_config[0]!;
          expect(block.service_account).toBe(account !== 'absent');
          expect(block.oauth_scopes).toBe(scopes);
          for (const [key, value] of Object.entries(others)) expect(block[key]).toBe(value);
          expect(result.id).toBe(true);
        },
      ),
    );
  });

  it('drop a whole block mark only when the configuration writes no such block', () => {
    fc.assert(
      fc.property(fc.boolean(), (configured) => {
        const expressions = configured ? configuration('absent', 'blocks', false) : { name: { constant_value: 'p' } };
        const result = unsetUnconfigured({ node_config: true, id: true }, expressions, PATHS) as Record<
          string,
          unknown
        >;
        expect(result).toEqual({ node_config: configured, id: true });
      }),
    );
  });

  it('keep every mark when the resource is not in the configuration', () => {
    fc.assert(
      fc.property(otherMarks, (others) => {
        const unknown = { node_config: [{ service_account: true, ...others }] };
        expect(unsetUnconfigured(unknown, undefined, PATHS)).toBe(unknown);
      }),
    );
  });
});
