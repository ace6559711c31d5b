// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: pulumi/pulumi-self-hosted-installers@0d69dc0168d87c045e86df85231db08c418ef162 gke-hosted/01-infrastructure/network.ts, Apache License 2.0
// (https://github.com/pulumi/pulumi-self-hosted-installers/blob/0d69dc0168d87c045e86df85231db08c418ef162/LICENSE). Run under the SDK's mocks by
// test/corpus/pulumi-installers-templates.test.ts; every finding is judged there and in README.md beside it.
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";

export interface NetworkArgs {
  tags?: pulumi.Input<{
    [key: string]: pulumi.Input<string>;
  }>;
};

export class Network extends pulumi.ComponentResource {
  public readonly networkName: pulumi.Output<string>;
  public readonly networkId: pulumi.Output<string>;
  constructor(name: string, args: NetworkArgs) {
    super("x:infrastructure:networking", name);

    const vnet = new gcp.compute.Network(`${name}-network`, {
      autoCreateSubnetworks: true,
      routingMode: "REGIONAL",
    }, { parent: this });

    const privateIpAddress = new gcp.compute.GlobalAddress(`${name}-private-ips`, {
      purpose: "VPC_PEERING",
      addressType: "INTERNAL",
      prefixLength: 16,
      network: vnet.id,
      labels: args.tags,
    }, { parent: this });

    const privateVpcConnection = new gcp.servicenetworking.Connection(`${name}-private-conn`, {
      network: vnet.id,
      service: "servicenetworking.googleapis.com",
      reservedPeeringRanges: [privateIpAddress.name],
    }, { parent: this });

    this.networkName = vnet.name;
    this.networkId = pulumi.all([vnet.id, privateVpcConnection.id]).apply(([vnetId, _]) => vnetId); // This ensure we don't return the VPC ID until the private connection is created. 

    this.registerOutputs({
      NetworkName: this.networkName,
      NetworkId: this.networkId,
    });
  }
}
