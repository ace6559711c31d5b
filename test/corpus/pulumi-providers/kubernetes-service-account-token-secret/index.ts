// Copyright 2016-2022, Pulumi Corporation.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

const namespace = new k8s.core.v1.Namespace("test-namespace");

const serviceAccount = new k8s.core.v1.ServiceAccount("test-service-account", {
    metadata: {
        namespace: namespace.metadata.namespace,
    },
});

const secret = new k8s.core.v1.Secret("test-service-account-token-secret", {
    metadata: {
        name: "test",
        namespace: namespace.metadata.namespace,
        annotations: {
            "kubernetes.io/service-account.name": serviceAccount.metadata.name,
        },
    },
    type: "kubernetes.io/service-account-token",
});

export const data: pulumi.Output<{[key: string]: string}> = pulumi.unsecret(secret.data);