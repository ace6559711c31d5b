import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";

const example = azuread.getUser({
    userPrincipalName: "jdoe@example.com",
});
const exampleDirectoryRole = new azuread.DirectoryRole("example", {displayName: "Security administrator"});
const exampleDirectoryRoleMember = new azuread.DirectoryRoleMember("example", {
    roleObjectId: exampleDirectoryRole.objectId,
    memberObjectId: example.then(example => example.objectId),
});
