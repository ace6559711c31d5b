// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: pulumi/pulumi-self-hosted-installers@0d69dc0168d87c045e86df85231db08c418ef162 aks-hosted/02-kubernetes/config.ts, Apache License 2.0
// (https://github.com/pulumi/pulumi-self-hosted-installers/blob/0d69dc0168d87c045e86df85231db08c418ef162/LICENSE). Run under the SDK's mocks by
// test/corpus/pulumi-installers-templates.test.ts; every finding is judged there and in README.md beside it.
import { Config, Output, StackReference, getProject, getStack } from "@pulumi/pulumi";

const stackConfig = new Config();

const stackName1 = stackConfig.require("stackName1");
const infrastructureStack = new StackReference(stackName1);

const projectName = getProject();
const stackName = getStack();

const commonName = stackConfig.get("commonName") ||"pulumi-selfhosted"; 
const resourceNamePrefix = `${commonName}-${stackName}`;

// if enabled, this boolean controls whether or not cert-manager will be deployed and managed identity created for workloads to assume
// while this is the preferred way of managing certs, it is not required
const disableAzureDnsCertManagement = stackConfig.getBoolean("disableAzureDnsCertManagement") || false;
let azureDnsZoneName = undefined;
let azureDnsZoneResourceGroup = undefined;
if (!disableAzureDnsCertManagement) {
    azureDnsZoneName = stackConfig.require("azureDnsZoneName");
    azureDnsZoneResourceGroup = stackConfig.require("azureDnsZoneResourceGroupName");
}

const privateIpAddress = stackConfig.get("privateIpAddress");

export const config = {
    projectName,
    stackName,
    resourceNamePrefix,
    disableAzureDnsCertManagement,
    azureDnsZoneName,
    azureDnsZoneResourceGroup,
    privateIpAddress,
    enablePrivateLoadBalancer: privateIpAddress != undefined,
    baseTags: {
        project: projectName,
        stack: stackName,
    },
    resourceGroupName: <Output<string>>infrastructureStack.requireOutput("resourceGroupName"),
    subnetId: <Output<string>>infrastructureStack.requireOutput("networkSubnetId"),
    adGroupId: <Output<string>>infrastructureStack.requireOutput("adGroupId"),
    adApplicationId: <Output<string>>infrastructureStack.requireOutput("adApplicationId"),
    adApplicationSecret: <Output<string>>infrastructureStack.requireOutput("adApplicationSecret"),
};
