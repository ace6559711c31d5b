// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: aws-samples/serverless-patterns@fb7b5d06c27d8abb1bd35e52ab7523acf4baab7b parallel-e2e-pipeline-cdk/src/pipeline/app/constructs/roles/pipeline-role.ts, MIT No Attribution (MIT-0)
// (https://github.com/aws-samples/serverless-patterns/blob/fb7b5d06c27d8abb1bd35e52ab7523acf4baab7b/LICENSE). Synthesized with and without the
// EntitlementGuard aspect by test/cdk/public-apps.test.ts; every finding is judged in test/corpus/cdk-apps/README.md.
import {
  PolicyDocument,
  PolicyStatement,
  Effect,
  Role,
  ServicePrincipal
} from "aws-cdk-lib/aws-iam";
import { Construct } from 'constructs';


interface PipelineRoleProps { 
  roles: string[]
}

export class PipelineRole extends Construct {
  readonly role: Role;
  readonly policy: PolicyDocument;

  public constructor(parent: Construct, id: string, props: PipelineRoleProps) {
    super(parent, id);
    this.policy = new PolicyDocument({
      statements: [
        new PolicyStatement({
          actions: ["sts:*"],
          effect: Effect.ALLOW,
          resources: [...props.roles]
        }),
        new PolicyStatement({
          actions: [
            "codecommit:GetBranch",
            "codecommit:GetCommit",
            "codecommit:UploadArchive",
            "codecommit:GetUploadArchiveStatus",
            "codecommit:CancelUploadArchive",
            "codebuild:BatchGetBuilds",
            "codebuild:StartBuild",
            "codedeploy:CreateDeployment",
            "codedeploy:GetApplicationRevision",
            "codedeploy:GetDeployment",
            "codedeploy:GetDeploymentConfig",
            "codedeploy:RegisterApplicationRevision"
          ],
          effect: Effect.ALLOW,
          resources: ["*"]
        })
      ]
    });
    this.role = new Role(this, "PipelineRole", {
      assumedBy: new ServicePrincipal("codepipeline.amazonaws.com"),
      inlinePolicies: { base_policy: this.policy }
    });
  };
};
