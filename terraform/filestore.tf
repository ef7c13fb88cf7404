# SPDX-License-Identifier: Apache-2.0
# Optional Filestore instance for circuits and proofs (k8s/components/filestore-instance binds a
# static PersistentVolume to it). Without it, the Filestore CSI driver creates a share for the
# zkbatch-data claim on demand.
resource "google_filestore_instance" "data" {
  count    = var.create_filestore ? 1 : 0
  name     = "${var.cluster_name}-data"
  location = var.zone
  tier     = var.filestore_tier

  file_shares {
    name        = "zkbatch"
    capacity_gb = var.filestore_capacity_gb
  }

  networks {
    network      = google_compute_network.vpc.name
    modes        = ["MODE_IPV4"]
    connect_mode = "DIRECT_PEERING"
  }

  depends_on = [google_project_service.apis]
}
