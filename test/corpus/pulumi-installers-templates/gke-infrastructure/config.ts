// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: pulumi/pulumi-self-hosted-installers@0d69dc0168d87c045e86df85231db08c418ef162 gke-hosted/01-infrastructure/config.ts, Apache License 2.0
// (https://github.com/pulumi/pulumi-self-hosted-installers/blob/0d69dc0168d87c045e86df85231db08c418ef162/LICENSE). Run under the SDK's mocks by
// test/corpus/pulumi-installers-templates.test.ts; every finding is judged there and in README.md beside it.
import * as pulumi from "@pulumi/pulumi";

const stackConfig = new pulumi.Config();

const projectName = pulumi.getProject();
const stackName = pulumi.getStack();

const commonName = stackConfig.get("commonName") || "pulumiselfhosted";
const resourceNamePrefix = `${commonName}-${stackName}`;

const dbInstanceType = stackConfig.get("dbInstanceType") || "db-g1-small";
const dbUser = stackConfig.get("dbUser") || "pulumiadmin";
const dbEnableGeneralLog = stackConfig.get("dbEnableGeneralLog") === "true"; // Default: false (performance impact)
const dbBackupRetentionDays = stackConfig.getNumber("dbBackupRetentionDays") || 30;
const dbMaintenanceDay = stackConfig.getNumber("dbMaintenanceDay") || 1; // Sunday
const dbMaintenanceHour = stackConfig.getNumber("dbMaintenanceHour") || 3; // 3 AM

export const config = {
  projectName,
  stackName,
  resourceNamePrefix,
  dbInstanceType,
  dbUser,
  dbEnableGeneralLog,
  dbBackupRetentionDays,
  dbMaintenanceDay,
  dbMaintenanceHour,
  baseTags: {
    project: projectName,
    stack: stackName,
  },
};
