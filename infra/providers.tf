provider "aws" {
  region = var.region

  default_tags {
    tags = merge(var.tags, {
      Application = "signup-pipeline"
      ManagedBy   = "terraform"
      NamePrefix  = var.name_prefix
    })
  }
}
