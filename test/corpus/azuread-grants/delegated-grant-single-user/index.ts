import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";

const wellKnown = azuread.getApplicationPublishedAppIds({});
const msgraph = new azuread.ServicePrincipal("msgraph", {
    clientId: wellKnown.then(wellKnown => wellKnown.result?.microsoftGraph),
    useExisting: true,
});
const example = new azuread.Application("example", {
    displayName: "example",
    requiredResourceAccesses: [{
        resourceAppId: wellKnown.then(wellKnown => wellKnown.result?.microsoftGraph),
        resourceAccesses: [
            {
                id: msgraph.oauth2PermissionScopeIds.openid,
                type: "Scope",
            },
            {
                id: msgraph.oauth2PermissionScopeIds["User.Read"],
                type: "Scope",
            },
        ],
    }],
});
const exampleServicePrincipal = new azuread.ServicePrincipal("example", {clientId: example.clientId});
const exampleUser = new azuread.User("example", {
    displayName: "J. Doe",
    userPrincipalName: "jdoe@example.com",
    mailNickname: "jdoe",
    password: "SecretP@sswd99!",
});
const exampleServicePrincipalDelegatedPermissionGrant = new azuread.ServicePrincipalDelegatedPermissionGrant("example", {
    servicePrincipalObjectId: exampleServicePrincipal.objectId,
    resourceServicePrincipalObjectId: msgraph.objectId,
    claimValues: [
        "openid",
        "User.Read.All",
    ],
    userObjectId: exampleUser.objectId,
});
