/**
 * Checkov's CKV_GCP_30 fixture ("Ensure that instances are not configured to use the default service account"),
 * bridgecrewio/checkov tests/terraform/checks/resource/gcp/example_GoogleComputeDefaultServiceAccount/main.tf
 * @ 44376283f2ae2477c09bf9f34d7df74a8fadaf8f (Apache License 2.0), as the plan of that configuration would carry it.
 * Written here by hand (no Terraform binary runs in the tests): each resource's configured values as planned, the
 * scopes in the canonical URL form the google provider stores for gcloud's aliases (`userinfo-email`, `compute-ro`,
 * `storage-ro`), ids and computed attributes known after apply. Two departures, both needed for a plan to exist: the
 * fixture's `source_instance_template = google_compute_instance_template.default.id` names a template it does not declare,
 * so the value is written here as the template's id; and `fail1` is commented out in the fixture, so it is not here.
 * Checkov's verdicts (the check's own test): fail2, fail3 FAILED; pass1–pass4 PASSED; unknown1, unknown2 UNKNOWN.
 */
import type { PlannedResource } from '../support.js';

const DEFAULT_ACCOUNT = '123456789-compute@developer.gserviceaccount.com';
const SCOPES = [
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/compute.readonly',
  'https://www.googleapis.com/auth/devstorage.read_only',
];
const TEMPLATE = 'projects/your-project-id/global/instanceTemplates/default';
const COMPUTED = { id: true, instance_id: true, self_link: true, network_interface: true, boot_disk: true };
const instance = (name: string, vmName: string, email: string): PlannedResource => ({
  address: `google_compute_instance.${name}`,
  values: {
    name: vmName,
    machine_type: 'n1-standard-1',
    zone: 'us-central1-a',
    service_account: [{ email, scopes: SCOPES }],
  },
  unknown: COMPUTED,
});
const fromTemplate = (name: string, email?: string): PlannedResource => ({
  address: `google_compute_instance_from_template.${name}`,
  values: {
    name: 'instance_from_template',
    source_instance_template: TEMPLATE,
    ...(email ? { service_account: [{ email, scopes: SCOPES }] } : {}),
  },
  // Without a block of its own, the instance's account is the template's: computed.
  unknown: { ...COMPUTED, ...(email ? {} : { service_account: true }) },
});

export const CHECKOV_GCP_DEFAULT_ACCOUNT: PlannedResource[] = [
  instance('fail2', 'test', DEFAULT_ACCOUNT),
  fromTemplate('fail3', DEFAULT_ACCOUNT),
  fromTemplate('unknown1'),
  instance('pass1', 'test', 'example@email.com'),
  instance('pass2', 'gke-account', DEFAULT_ACCOUNT),
  {
    address: 'google_compute_instance_template.pass3',
    values: {
      name: 'account',
      machine_type: 'n1-standard-1',
      service_account: [{ email: 'example@email.com', scopes: SCOPES }],
    },
    unknown: { id: true, self_link: true, metadata_fingerprint: true },
  },
  fromTemplate('pass4', 'example@email.com'),
  {
    address: 'google_compute_instance.unknown2',
    values: {
      name: 'my-instance',
      machine_type: 'n2-standard-2',
      zone: 'us-central1-a',
      tags: ['foo', 'bar'],
      metadata: { foo: 'bar' },
      network_interface: [{ network: 'vpc-test', subnetwork: 'private-subnet-01-test' }],
      service_account: [],
    },
    unknown: { id: true, instance_id: true, self_link: true },
  },
];
