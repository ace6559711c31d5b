# A payments service that passes Entitlement Guard against examples/catalog.yaml, as
# examples/cloudformation/good-stack.template.yaml has it: roles named like their catalog records, grants inside
# their entitlements, federated CI without keys, a rotated secret.
#
#   terraform init && terraform plan -out plan.out && terraform show -json plan.out > ../good.tfplan.json
#   npx entitlement-guard check ../good.tfplan.json --catalog ../../catalog.yaml     # exit 0
#
# ../good.tfplan.json is the plan of this configuration for account 111122223333 in eu-west-1, written in the
# documented plan format (format_version 1.2) by test/terraform/examples.test.ts; not the output of a terraform run here.

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

# Catalog record payments-api (service, team-payments): payments-read and payments-write on payments-* tables.
resource "aws_iam_role" "payments_api" {
  name               = "payments-api-runtime"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  inline_policy {
    name = "payments-ledger"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        { Effect = "Allow", Action = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"], Resource = "arn:aws:dynamodb:eu-west-1:111122223333:table/payments-ledger" },
        # A Deny on iam:* only narrows what the role can do.
        { Effect = "Deny", Action = "iam:*", Resource = "*" },
      ]
    })
  }
}

resource "aws_lambda_function" "payments_api" {
  function_name = "payments-api"
  runtime       = "nodejs22.x"
  handler       = "index.handler"
  filename      = "payments-api.zip"
  role          = aws_iam_role.payments_api.arn
}

# Catalog record ci-deployer (workload): GitHub Actions OIDC, one repository and branch, CDK bootstrap roles only.
resource "aws_iam_role" "ci_deployer" {
  name                 = "ci-deployer"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = {
        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        "token.actions.githubusercontent.com:sub" = "repo:example-co/payments:ref:refs/heads/main"
      } }
    }]
  })
  inline_policy {
    name   = "cdk-deploy"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "arn:aws:iam::111122223333:role/cdk-hnb659fds-*" }] })
  }
}

# The payment processor API key: owned, rotated every 30 days (service secrets: at most 60).
resource "aws_secretsmanager_secret" "processor_api_key" {
  name = "payments/processor-api-key"
  tags = { owner = "team-payments", "identity-class" = "service" }
}

resource "aws_secretsmanager_secret_rotation" "processor_api_key" {
  secret_id           = aws_secretsmanager_secret.processor_api_key.id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:payments-key-rotator"
  rotation_rules {
    automatically_after_days = 30
  }
}
