// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: aws-samples/serverless-patterns@fb7b5d06c27d8abb1bd35e52ab7523acf4baab7b parallel-e2e-pipeline-cdk/src/pipeline/app/constructs/roles/e2e-code-build-role.ts, MIT No Attribution (MIT-0)
// (https://github.com/aws-samples/serverless-patterns/blob/fb7b5d06c27d8abb1bd35e52ab7523acf4baab7b/LICENSE). Synthesized with and without the
// EntitlementGuard aspect by test/cdk/public-apps.test.ts; every finding is judged in test/corpus/cdk-apps/README.md.
import { Construct } from 'constructs';
import { 
  Role,
  ServicePrincipal, 
  ManagedPolicy
} from "aws-cdk-lib/aws-iam";


export class E2ECodeBuildRole extends Construct {
  readonly role: Role;

  public constructor(parent: Construct, id: string) {
    super(parent, id);

    this.role = new Role(this, "E2EStackRole", {
      assumedBy: new ServicePrincipal("codebuild.amazonaws.com"),
      managedPolicies: [
        ManagedPolicy.fromAwsManagedPolicyName("AmazonS3FullAccess")
      ]
    });
  }
}
