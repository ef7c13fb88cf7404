# SPDX-License-Identifier: Apache-2.0
# The GKE Standard cluster. Node pools are separate resources (nodepools.tf) so that they can
# change without recreating the cluster; the default pool is removed at creation.
locals {
  location = var.regional ? var.region : var.zone
}

resource "google_container_cluster" "zkbatch" {
  name                     = var.cluster_name
  location                 = local.location
  network                  = google_compute_network.vpc.id
  subnetwork               = google_compute_subnetwork.nodes.id
  remove_default_node_pool = true
  initial_node_count       = 1
  deletion_protection      = var.deletion_protection

  release_channel {
    channel = var.release_channel
  }

  ip_allocation_policy {
    cluster_secondary_range_name  = "pods"
    services_secondary_range_name = "services"
  }

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = var.master_cidr
  }

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  addons_config {
    # ReadWriteMany volumes for circuits and proofs (StorageClasses standard-rwx, premium-rwx, ...).
    gcp_filestore_csi_driver_config {
      enabled = true
    }
  }

  # Metrics are scraped by kube-prometheus-stack (PodMonitor in k8s/base), not by Google's
  # managed collection.
  monitoring_config {
    enable_components = ["SYSTEM_COMPONENTS"]
    managed_prometheus {
      enabled = false
    }
  }
}
