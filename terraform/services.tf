# SPDX-License-Identifier: Apache-2.0
# APIs the deployment uses, enabled in an empty project.
resource "google_project_service" "apis" {
  for_each = toset([
    "compute.googleapis.com",
    "container.googleapis.com",
    "file.googleapis.com",
    "artifactregistry.googleapis.com",
  ])
  service            = each.value
  disable_on_destroy = false
}

# The container image (docker/Dockerfile) is pushed here.
resource "google_artifact_registry_repository" "images" {
  location      = var.region
  repository_id = "zkbatch"
  format        = "DOCKER"
  depends_on    = [google_project_service.apis]
}

# Least-privilege identity of the nodes: logs, metrics and image pulls.
resource "google_service_account" "nodes" {
  account_id   = "${var.cluster_name}-nodes"
  display_name = "zkbatch GKE nodes"
}

resource "google_project_iam_member" "nodes" {
  for_each = toset([
    "roles/logging.logWriter",
    "roles/monitoring.metricWriter",
    "roles/monitoring.viewer",
    "roles/artifactregistry.reader",
  ])
  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.nodes.email}"
}
