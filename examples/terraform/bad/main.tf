# Everything Entitlement Guard blocks, one resource each, as examples/cloudformation/bad-stack.template.yaml has it:
# a static access key, wildcard and admin grants, Allow with NotAction, an ownerless role, a trust policy open to
# everyone, GitHub OIDC trust without a subject condition, and a secret that never rotates.
#
#   terraform init && terraform plan -out plan.out && terraform show -json plan.out > ../bad.tfplan.json
#   npx entitlement-guard check ../bad.tfplan.json --catalog ../../catalog.yaml     # exit 1
#
# ../bad.tfplan.json is the plan of this configuration for account 111122223333, written in the documented plan
# format (format_version 1.2) by test/terraform/examples.test.ts; it is not the output of a terraform run here.

terraform {
  required_providers {
    aws    = { source = "hashicorp/aws", version = "~> 5.0" }
    random = { source = "hashicorp/random", version = "~> 3.6" }
  }
}

# A CI user with a long-lived access key.
resource "aws_iam_user" "ci_bot" {
  name = "ci-bot"
  tags = { owner = "team-platform" }
}

resource "aws_iam_access_key" "ci_bot" {
  user = aws_iam_user.ci_bot.name
}

# A key for the vendor's SFTP user (created outside this configuration): waived by catalog exception EXC-101.
resource "aws_iam_access_key" "legacy_sftp" {
  user = "legacy-sftp-sync"
}

# Action "*" on everything, and iam:* on Resource "*".
resource "aws_iam_role" "ops" {
  name               = "ops-automation"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  inline_policy {
    name   = "everything"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
  }
  tags = { owner = "team-platform" }
}

resource "aws_iam_role_policy" "iam_admin" {
  name   = "iam-admin"
  role   = aws_iam_role.ops.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:*", Resource = "*" }] })
}

# Allow with NotAction grants every action except the listed ones.
resource "aws_iam_policy" "all_but_s3" {
  name   = "all-but-s3"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", NotAction = "s3:*", Resource = "*" }] })
}

resource "aws_iam_role_policy_attachment" "all_but_s3" {
  role       = aws_iam_role.ops.name
  policy_arn = aws_iam_policy.all_but_s3.arn
}

# AdministratorAccess on a workload role.
resource "aws_iam_role" "batch_admin" {
  name               = "batch-admin"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  tags               = { owner = "team-data" }
}

resource "aws_iam_role_policy_attachment" "batch_admin" {
  role       = aws_iam_role.batch_admin.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# No owner tag, no catalog record, a generated name.
resource "aws_iam_role" "orphan" {
  name_prefix        = "orphan-"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  inline_policy {
    name   = "read-reports"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::example-co-reports/*" }] })
  }
}

# Anyone, in any account, may assume this role.
resource "aws_iam_role" "partner_upload" {
  name               = "partner-upload"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "sts:AssumeRole" }] })
  tags               = { owner = "team-data" }
}

# Any GitHub repository's workflow may assume this role: no "sub" condition.
resource "aws_iam_role" "github_deploy" {
  name = "github-deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" } }
    }]
  })
  tags = { owner = "team-platform" }
}

# A database password that is never rotated.
resource "random_password" "ledger" {
  length = 32
}

resource "aws_secretsmanager_secret" "ledger_db" {
  name = "payments/ledger-db"
  tags = { owner = "team-payments" }
}

resource "aws_secretsmanager_secret_version" "ledger_db" {
  secret_id     = aws_secretsmanager_secret.ledger_db.id
  secret_string = random_password.ledger.result
}
