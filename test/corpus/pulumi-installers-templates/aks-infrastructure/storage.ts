// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: pulumi/pulumi-self-hosted-installers@0d69dc0168d87c045e86df85231db08c418ef162 aks-hosted/01-infrastructure/storage.ts, Apache License 2.0
// (https://github.com/pulumi/pulumi-self-hosted-installers/blob/0d69dc0168d87c045e86df85231db08c418ef162/LICENSE). Run under the SDK's mocks by
// test/corpus/pulumi-installers-templates.test.ts; every finding is judged there and in README.md beside it.
import { storage } from "@pulumi/azure-native";
import { Input, Output, ComponentResource, ComponentResourceOptions, secret, all } from "@pulumi/pulumi";

export interface StorageArgs {
    resourceGroupName: Output<string>,
    tags?: Input<{
        [key: string]: Input<string>;
    }>,
}

export class Storage extends ComponentResource {
    public readonly storageAccountId: Output<string>;
    public readonly storageAccountName: Output<string>;
    public readonly storageAccountKey1: Output<string>;
    public readonly storageAccountKey2: Output<string>;
    public readonly checkpointBlobId: Output<string>;
    public readonly policyBlobId: Output<string>;
    public readonly checkpointBlobName: Output<string>;
    public readonly policyBlobName: Output<string>;
    public readonly escBlobId: Output<string>;
    public readonly escBlobName: Output<string>;
    constructor(name: string, args: StorageArgs) {
        super("x:infrastructure:storage", name);

        // Uses a different resource name because of Azure's 24 character limit and global unique name requirements
        const storageAccount = new storage.StorageAccount("pulumi", {
            resourceGroupName: args.resourceGroupName,
            sku: {
                name: storage.SkuName.Standard_LRS,
            },
            kind: storage.Kind.StorageV2,
            tags: args.tags,
        }, { parent: this, protect: true });

        const checkpointBlob = new storage.BlobContainer(`pulumicheckpoints`, {
            resourceGroupName: args.resourceGroupName,
            accountName: storageAccount.name,
        }, { parent: storageAccount, protect: true });

        const policyBlob = new storage.BlobContainer(`pulumipolicypacks`, {
            resourceGroupName: args.resourceGroupName,
            accountName: storageAccount.name,
        }, { parent: storageAccount, protect: true });

        const escBlob = new storage.BlobContainer(`pulumiesc`, {
            resourceGroupName: args.resourceGroupName,
            accountName: storageAccount.name,
        }, { parent: storageAccount, protect: true });

        const storageAccountKeys = storage.listStorageAccountKeysOutput({
            resourceGroupName: args.resourceGroupName,
            accountName: storageAccount.name,
        });

        this.storageAccountKey1 = secret(storageAccountKeys.keys[0].value);
        this.storageAccountKey2 = secret(storageAccountKeys.keys[1].value);
        this.checkpointBlobId = checkpointBlob.id;
        this.policyBlobId = policyBlob.id;
        this.escBlobId = escBlob.id;
        this.storageAccountId = storageAccount.id
        this.checkpointBlobName = checkpointBlob.name;
        this.policyBlobName = policyBlob.name;
        this.escBlobName = escBlob.name;
        this.storageAccountName = storageAccount.name;

        this.registerOutputs({
            storageAccountId: this.storageAccountId,
            storageAccountKey1: this.storageAccountKey1,
            storageAccountKey2: this.storageAccountKey2,
            checkpointBlobId: this.checkpointBlobId,
            policyBlobId: this.policyBlobId,
            escBlobId: this.escBlobId,
            checkpointBlobName: this.checkpointBlobName,
            policyBlobName: this.policyBlobName,
            escBlobName: this.escBlobName,
            storageAccountName: this.storageAccountName
        });
    }
}
