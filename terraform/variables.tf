# SPDX-License-Identifier: Apache-2.0
# Inputs; README.md lists them with their meaning. The node pool names (system, highmem, gpu)
# are fixed: the Kubernetes overlays select them by name.

variable "project_id" {
  description = "GCP project that holds the cluster."
  type        = string
}

variable "region" {
  description = "Region of the VPC subnet, the Artifact Registry repository and (with regional = true) the cluster."
  type        = string
  default     = "us-central1"
}

variable "zone" {
  description = "Zone of a zonal cluster, of compact placement and of the Filestore instance."
  type        = string
  default     = "us-central1-a"
}

variable "regional" {
  description = "Regional control plane (true) or zonal cluster in var.zone (false, cheaper)."
  type        = bool
  default     = false
}

variable "cluster_name" {
  description = "Name of the GKE cluster (also prefixes the network resources)."
  type        = string
  default     = "zkbatch"
}

variable "release_channel" {
  description = "GKE release channel: RAPID, REGULAR or STABLE."
  type        = string
  default     = "REGULAR"
}

variable "deletion_protection" {
  description = "Refuse `terraform destroy` of the cluster while true."
  type        = bool
  default     = true
}

variable "subnet_cidr" {
  description = "Primary range of the subnet (nodes)."
  type        = string
  default     = "10.10.0.0/20"
}

variable "pods_cidr" {
  description = "Secondary range for pods."
  type        = string
  default     = "10.20.0.0/14"
}

variable "services_cidr" {
  description = "Secondary range for services."
  type        = string
  default     = "10.24.0.0/20"
}

variable "master_cidr" {
  description = "/28 range of the private control plane endpoint."
  type        = string
  default     = "172.16.0.0/28"
}

variable "system_machine_type" {
  description = "Machine type of the default (system) pool: operators, Prometheus, MPI launchers."
  type        = string
  default     = "e2-standard-4"
}

variable "system_node_count" {
  description = "Nodes of the system pool per zone."
  type        = number
  default     = 2
}

variable "highmem_machine_type" {
  description = "Machine type of the high-memory pool (CPU proving, circuits builds)."
  type        = string
  default     = "n2-highmem-32"
}

variable "highmem_max_nodes" {
  description = "Upper bound of the high-memory pool's autoscaler (it scales to zero)."
  type        = number
  default     = 8
}

variable "highmem_spot" {
  description = "Run the high-memory pool on Spot VMs (cheaper, pre-emptible; jobs resume)."
  type        = bool
  default     = false
}

variable "gpu_type" {
  description = "GPU of the GPU pool: h100, a100, a100-80gb or l4."
  type        = string
  default     = "l4"
  validation {
    condition     = contains(["h100", "a100", "a100-80gb", "l4"], var.gpu_type)
    error_message = "gpu_type must be h100, a100, a100-80gb or l4."
  }
}

variable "gpus_per_node" {
  description = "GPUs per node; picks the machine type (1, 2, 4 or 8; 16 for a100)."
  type        = number
  default     = 2
}

variable "gpu_machine_type" {
  description = "Machine type of the GPU pool; empty = derived from gpu_type and gpus_per_node."
  type        = string
  default     = ""
}

variable "gpu_max_nodes" {
  description = "Upper bound of the GPU pool's autoscaler (it scales to zero)."
  type        = number
  default     = 2
}

variable "gpu_spot" {
  description = "Run the GPU pool on Spot VMs (cheaper, pre-emptible; many projects only have Spot H100 quota)."
  type        = bool
  default     = false
}

variable "gpu_driver_version" {
  description = "NVIDIA driver that GKE installs: DEFAULT or LATEST (INSTALLATION_DISABLED to manage it yourself)."
  type        = string
  default     = "LATEST"
  validation {
    condition     = contains(["DEFAULT", "LATEST", "INSTALLATION_DISABLED"], var.gpu_driver_version)
    error_message = "gpu_driver_version must be DEFAULT, LATEST or INSTALLATION_DISABLED."
  }
}

variable "compact_placement" {
  description = "COMPACT placement policy for the highmem and GPU pools (low-latency MPI; single zone)."
  type        = bool
  default     = false
}

variable "create_filestore" {
  description = "Create a Filestore instance for k8s/components/filestore-instance (else the CSI driver provisions shares on demand)."
  type        = bool
  default     = false
}

variable "filestore_tier" {
  description = "Filestore tier: BASIC_HDD, BASIC_SSD, ZONAL, REGIONAL or ENTERPRISE."
  type        = string
  default     = "BASIC_HDD"
}

variable "filestore_capacity_gb" {
  description = "Filestore capacity in GiB (BASIC_HDD at least 1024, BASIC_SSD at least 2560)."
  type        = number
  default     = 1024
}
