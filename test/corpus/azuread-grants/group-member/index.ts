import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";

const example = azuread.getUser({
    userPrincipalName: "jdoe@example.com",
});
const exampleGroup = new azuread.Group("example", {
    displayName: "my_group",
    securityEnabled: true,
});
const exampleGroupMember = new azuread.GroupMember("example", {
    groupObjectId: exampleGroup.objectId,
    memberObjectId: example.then(example => example.objectId),
});
