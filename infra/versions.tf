terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # State stays local by default. For a team, keep it in S3 with native locking (Terraform >= 1.10): create
  # the bucket once (versioning on, public access blocked), uncomment, fill in, then `terraform init
  # -migrate-state`.
  #
  # backend "s3" {
  #   bucket       = "my-terraform-state-bucket"
  #   key          = "signup-pipeline/terraform.tfstate"
  #   region       = "us-east-1"
  #   encrypt      = true
  #   use_lockfile = true
  # }
}
