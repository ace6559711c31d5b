// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: pulumi/examples@40c09b266d44e9975e15289c42cc0c2ad8d14995 aws-ts-secrets-manager/index.ts, Apache License 2.0
// (https://github.com/pulumi/examples/blob/40c09b266d44e9975e15289c42cc0c2ad8d14995/LICENSE). Run under the SDK's mocks by
// test/corpus/pulumi-examples-more.test.ts; every finding is judged there and in README.md beside it.
// Copyright 2016-2025, Pulumi Corporation.  All rights reserved.

import * as aws from "@pulumi/aws";

// Create a secret
const secret = new aws.secretsmanager.Secret("secret");

// Store a new secret version
const secretVersion = new aws.secretsmanager.SecretVersion("secretVersion", {
    secretId: secret.id,
    secretString: "mysecret",
});

// Export secret ID (in this case the ARN)
export const secretId = secret.id;
