# SPDX-License-Identifier: Apache-2.0
output "cluster_name" {
  description = "Name of the GKE cluster."
  value       = google_container_cluster.zkbatch.name
}

output "cluster_location" {
  description = "Zone or region of the cluster."
  value       = google_container_cluster.zkbatch.location
}

output "get_credentials" {
  description = "Command that writes kubectl credentials for the cluster."
  value       = "gcloud container clusters get-credentials ${google_container_cluster.zkbatch.name} --location ${google_container_cluster.zkbatch.location} --project ${var.project_id}"
}

output "image_repository" {
  description = "Where to push the zkbatch image (docker/Dockerfile)."
  value       = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}/zkbatch"
}

output "gpu_machine_type" {
  description = "Machine type of the GPU pool."
  value       = local.gpu_machine_type
}

output "filestore_name" {
  description = "Filestore instance name (null unless create_filestore)."
  value       = var.create_filestore ? google_filestore_instance.data[0].name : null
}

output "filestore_location" {
  description = "Filestore instance zone (null unless create_filestore)."
  value       = var.create_filestore ? google_filestore_instance.data[0].location : null
}

output "filestore_ip" {
  description = "Filestore instance IP address (null unless create_filestore)."
  value       = var.create_filestore ? google_filestore_instance.data[0].networks[0].ip_addresses[0] : null
}
