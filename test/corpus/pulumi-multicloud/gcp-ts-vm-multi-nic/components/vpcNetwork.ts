// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: pulumi/examples@40c09b266d44e9975e15289c42cc0c2ad8d14995 gcp-ts-vm-multi-nic/components/vpcNetwork.ts, Apache License 2.0
// (https://github.com/pulumi/examples/blob/40c09b266d44e9975e15289c42cc0c2ad8d14995/LICENSE). Run under the SDK's mocks by
// test/corpus/pulumi-multicloud.test.ts; every finding is judged there and in README.md beside it.
// Copyright 2016-2026, Pulumi Corporation.  All rights reserved.

import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

export interface VpcNetworkArgs {
    region: pulumi.Input<string>;
    cidr: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    allowIapSsh?: boolean;
}

/**
 * A self-contained VPC: one custom-mode network, one regional subnet, and
 * the firewall rules needed for intra-VPC chatter plus optional IAP SSH.
 */
export class VpcNetwork extends pulumi.ComponentResource {
    public readonly network: gcp.compute.Network;
    public readonly subnet: gcp.compute.Subnetwork;

    constructor(name: string, args: VpcNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("pkg:gcp:VpcNetwork", name, {}, opts);

        this.network = new gcp.compute.Network(
            `${name}-net`,
            {
                autoCreateSubnetworks: false,
                description: args.description,
            },
            { parent: this },
        );

        this.subnet = new gcp.compute.Subnetwork(
            `${name}-subnet`,
            {
                network: this.network.id,
                region: args.region,
                ipCidrRange: args.cidr,
                privateIpGoogleAccess: true,
            },
            { parent: this },
        );

        new gcp.compute.Firewall(
            `${name}-allow-internal`,
            {
                network: this.network.id,
                direction: "INGRESS",
                sourceRanges: [args.cidr],
                allows: [
                    { protocol: "icmp" },
                    { protocol: "tcp", ports: ["0-65535"] },
                    { protocol: "udp", ports: ["0-65535"] },
                ],
            },
            { parent: this },
        );

        if (args.allowIapSsh) {
            new gcp.compute.Firewall(
                `${name}-allow-ssh-iap`,
                {
                    network: this.network.id,
                    direction: "INGRESS",
                    // IAP TCP forwarding range — see
                    // https://cloud.google.com/iap/docs/using-tcp-forwarding
                    sourceRanges: ["35.235.240.0/20"],
                    allows: [{ protocol: "tcp", ports: ["22"] }],
                },
                { parent: this },
            );
        }

        this.registerOutputs({
            networkId: this.network.id,
            subnetId: this.subnet.id,
        });
    }
}
