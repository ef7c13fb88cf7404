# SPDX-License-Identifier: Apache-2.0
terraform {
  required_version = ">= 1.5"
  required_providers {
    google = {
      source = "hashicorp/google"
      # 8.x is the current major of the Google provider (8.0.0, 2026-08). Every field used here
      # also exists in 7.x: "~> 7.0" works for sites that have not moved yet.
      version = "~> 8.0"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
