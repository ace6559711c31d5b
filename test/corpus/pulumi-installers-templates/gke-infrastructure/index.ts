// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: pulumi/pulumi-self-hosted-installers@0d69dc0168d87c045e86df85231db08c418ef162 gke-hosted/01-infrastructure/index.ts, Apache License 2.0
// (https://github.com/pulumi/pulumi-self-hosted-installers/blob/0d69dc0168d87c045e86df85231db08c418ef162/LICENSE). Run under the SDK's mocks by
// test/corpus/pulumi-installers-templates.test.ts; every finding is judged there and in README.md beside it.
import * as networking from "./network";
import * as serviceaccount from "./serviceAccount";
import * as storage from "./storage";
import * as db from "./database";
import { config } from "./config";

const storageDetails = new storage.Storage(config.resourceNamePrefix, {
    tags: config.baseTags,
});

const sa = new serviceaccount.ServiceAccount(config.resourceNamePrefix, {
    tags: config.baseTags,
    checkpointBucketName: storageDetails.checkpointBucketName,
    policyBucketName: storageDetails.policyBucketName,
    escBucketName: storageDetails.escBucketName,
});

const network = new networking.Network(config.resourceNamePrefix, {
    tags: config.baseTags,
});

const database = new db.Database(config.resourceNamePrefix, {
    vpcId: network.networkId,
    dbInstanceType: config.dbInstanceType,
    dbUser: config.dbUser,
    enableGeneralLog: config.dbEnableGeneralLog,
    backupRetentionDays: config.dbBackupRetentionDays,
    maintenanceDay: config.dbMaintenanceDay,
    maintenanceHour: config.dbMaintenanceHour,
    tags: config.baseTags,
});

export const checkpointBucketId = storageDetails.checkpointBucketId;
export const policyBucketId = storageDetails.policyBucketId;
export const checkpointBucketName = storageDetails.checkpointBucketName;
export const policyBucketName = storageDetails.policyBucketName;
export const escBucketName = storageDetails.escBucketName;
export const serviceAccountName = sa.serviceAccountName;
export const serviceAccountAccessKeyId = sa.serviceAccountAccessKeyId;
export const serviceAccountSecretAccessKey = sa.serviceAccountSecretAccessKey;
export const dbServerName = database.DatabaseServerName;
export const dbLogin = database.DatabaseLogin;
export const dbPassword = database.DatabasePassword;
export const dbConnectionString = database.DatabaseConnectionString;
export const dbHost = database.DatabaseHost;
export const stackName1 = config.stackName;
export const networkName = network.networkName;
