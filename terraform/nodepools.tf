# SPDX-License-Identifier: Apache-2.0
# Node pools: system (always on), highmem and gpu (autoscaled from zero, tainted so that only
# zkbatch pods that tolerate zkbatch.io/pool land there). Names are fixed: k8s/overlays select
# them through the cloud.google.com/gke-nodepool label.
locals {
  gpu_accelerator = {
    "h100"      = "nvidia-h100-80gb"
    "a100"      = "nvidia-tesla-a100"
    "a100-80gb" = "nvidia-a100-80gb"
    "l4"        = "nvidia-l4"
  }
  # The accelerator count must match the machine type (A3 High, A2 High/Ultra, G2).
  gpu_machines = {
    "h100"      = { "1" = "a3-highgpu-1g", "2" = "a3-highgpu-2g", "4" = "a3-highgpu-4g", "8" = "a3-highgpu-8g" }
    "a100"      = { "1" = "a2-highgpu-1g", "2" = "a2-highgpu-2g", "4" = "a2-highgpu-4g", "8" = "a2-highgpu-8g", "16" = "a2-megagpu-16g" }
    "a100-80gb" = { "1" = "a2-ultragpu-1g", "2" = "a2-ultragpu-2g", "4" = "a2-ultragpu-4g", "8" = "a2-ultragpu-8g" }
    "l4"        = { "1" = "g2-standard-16", "2" = "g2-standard-24", "4" = "g2-standard-48", "8" = "g2-standard-96" }
  }
  gpu_machine_type = var.gpu_machine_type != "" ? var.gpu_machine_type : lookup(local.gpu_machines[var.gpu_type], tostring(var.gpus_per_node), "")
  # Compact placement needs a single zone; in a zonal cluster that is already the case.
  batch_node_locations = var.compact_placement || !var.regional ? [var.zone] : null
  oauth_scopes         = ["https://www.googleapis.com/auth/cloud-platform"]
}

resource "google_container_node_pool" "system" {
  name       = "system"
  cluster    = google_container_cluster.zkbatch.id
  node_count = var.system_node_count

  node_config {
    machine_type    = var.system_machine_type
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    oauth_scopes    = local.oauth_scopes
    labels = {
      "zkbatch.io/pool" = "system"
    }
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }
}

resource "google_container_node_pool" "highmem" {
  name           = "highmem"
  cluster        = google_container_cluster.zkbatch.id
  node_locations = local.batch_node_locations

  autoscaling {
    total_min_node_count = 0
    total_max_node_count = var.highmem_max_nodes
    location_policy      = var.highmem_spot ? "ANY" : "BALANCED"
  }

  dynamic "placement_policy" {
    for_each = var.compact_placement ? [1] : []
    content {
      type = "COMPACT"
    }
  }

  node_config {
    machine_type    = var.highmem_machine_type
    image_type      = "COS_CONTAINERD"
    spot            = var.highmem_spot
    service_account = google_service_account.nodes.email
    oauth_scopes    = local.oauth_scopes
    labels = {
      "zkbatch.io/pool" = "highmem"
    }
    taint {
      key    = "zkbatch.io/pool"
      value  = "highmem"
      effect = "NO_SCHEDULE"
    }
    gvnic {
      enabled = true
    }
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }
}

resource "google_container_node_pool" "gpu" {
  name           = "gpu"
  cluster        = google_container_cluster.zkbatch.id
  node_locations = local.batch_node_locations

  autoscaling {
    total_min_node_count = 0
    total_max_node_count = var.gpu_max_nodes
    location_policy      = var.gpu_spot ? "ANY" : "BALANCED"
  }

  dynamic "placement_policy" {
    for_each = var.compact_placement ? [1] : []
    content {
      type = "COMPACT"
    }
  }

  node_config {
    machine_type    = local.gpu_machine_type
    image_type      = "COS_CONTAINERD"
    spot            = var.gpu_spot
    service_account = google_service_account.nodes.email
    oauth_scopes    = local.oauth_scopes
    labels = {
      "zkbatch.io/pool" = "gpu"
    }
    guest_accelerator {
      type  = local.gpu_accelerator[var.gpu_type]
      count = var.gpus_per_node
      gpu_driver_installation_config {
        gpu_driver_version = var.gpu_driver_version
      }
    }
    # GKE taints GPU nodes itself; stated here so that the pool's contract is visible.
    taint {
      key    = "nvidia.com/gpu"
      value  = "present"
      effect = "NO_SCHEDULE"
    }
    taint {
      key    = "zkbatch.io/pool"
      value  = "gpu"
      effect = "NO_SCHEDULE"
    }
    gvnic {
      enabled = true
    }
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  lifecycle {
    precondition {
      condition     = local.gpu_machine_type != ""
      error_message = "No machine type for ${var.gpus_per_node} x ${var.gpu_type}: set gpus_per_node to 1, 2, 4 or 8 (16 for a100), or gpu_machine_type."
    }
  }
}
