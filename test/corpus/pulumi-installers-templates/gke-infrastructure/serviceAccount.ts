// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: pulumi/pulumi-self-hosted-installers@0d69dc0168d87c045e86df85231db08c418ef162 gke-hosted/01-infrastructure/serviceAccount.ts, Apache License 2.0
// (https://github.com/pulumi/pulumi-self-hosted-installers/blob/0d69dc0168d87c045e86df85231db08c418ef162/LICENSE). Run under the SDK's mocks by
// test/corpus/pulumi-installers-templates.test.ts; every finding is judged there and in README.md beside it.
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { Output } from "@pulumi/pulumi";

export interface ServiceAccountArgs {
    policyBucketName: pulumi.Output<string>;
    checkpointBucketName: pulumi.Output<string>;
    escBucketName: pulumi.Output<string>;
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    }>,
};

export class ServiceAccount extends pulumi.ComponentResource {
    public readonly serviceAccountName: Output<string>;
    public readonly serviceAccountAccessKeyId: Output<string>;
    public readonly serviceAccountSecretAccessKey: Output<string>;
    constructor(name: string, args: ServiceAccountArgs) {
        super("x:infrastructure:serviceaccount", name);

        // Create a service account to be used by the api service for access to the buckets and SQL DB.
        const saName = `${name}-sa`;
        const serviceAccount = new gcp.serviceaccount.Account(saName, {
            accountId: saName,
            displayName: "A service account for the api service",
        }, { parent: this, protect: true });

        // apply least privileges for our SA so we don't get access to all buckets in a given GCP account
        const gcpProject = gcp.config.project!;
        const checkpointBucketIAMMember = new gcp.storage.BucketIAMMember(`${saName}-checkpoint-bucket-iam`, {
            bucket: args.checkpointBucketName,
            role: "roles/storage.objectAdmin",
            member: pulumi.interpolate`serviceAccount:${serviceAccount.email}`,
        }, { parent: serviceAccount });

        const policyBucketIAMMember = new gcp.storage.BucketIAMMember(`${saName}-policy-bucket-iam`, {
            bucket: args.policyBucketName,
            role: "roles/storage.objectAdmin",
            member: pulumi.interpolate`serviceAccount:${serviceAccount.email}`,
          }, { parent: serviceAccount });

        const escBucketIAMMember = new gcp.storage.BucketIAMMember(`${saName}-esc-bucket-iam`, {
            bucket: args.escBucketName,
            role: "roles/storage.objectAdmin",
            member: pulumi.interpolate`serviceAccount:${serviceAccount.email}`,
        }, { parent: serviceAccount });

        const serviceAccountKey = new gcp.storage.HmacKey(`${saName}-hmac`, {
            serviceAccountEmail: serviceAccount.email,
        }, { parent: this, additionalSecretOutputs: ["secret"] });

        this.serviceAccountName = serviceAccount.name;
        this.serviceAccountAccessKeyId = serviceAccountKey.accessId;
        this.serviceAccountSecretAccessKey = serviceAccountKey.secret;

        this.registerOutputs({
            serviceAccountName: this.serviceAccountName,
            serviceAccountAccessKeyId: this.serviceAccountAccessKeyId,
            serviceAccountSecretAccessKey: this.serviceAccountSecretAccessKey,
        });
    }
}
