# A 3-node NATS JetStream cluster (streams use replicas: 3), one node per client machine.
job "nats" {
  datacenters = ["dc1"]
  type        = "service"

  group "nats" {
    count = 3

    constraint {
      operator = "distinct_hosts"
      value    = "true"
    }

    network {
      port "client" { static = 4222 }
      port "cluster" { static = 6222 }
      # No monitoring port: cluster.conf binds it to 127.0.0.1 on each node.
    }

    task "nats-server" {
      driver = "exec"

      config {
        command = "nats-server"
        args    = ["-c", "local/cluster.conf"]
      }

      template {
        source      = "nats/cluster.conf"
        destination = "local/cluster.conf"
      }

      template {
        source      = "nats/permissions.conf"
        destination = "local/permissions.conf"
      }

      template {
        source      = "nats/route-tls.conf"
        destination = "local/route-tls.conf"
      }

      # Routes are mutual TLS: the cluster CA and this node's certificate and key, from the
      # Nomad variable nomad/jobs/nats/routes (`ca`, and `cert_<index>`, `key_<index>` per node).
      template {
        destination = "secrets/route-ca.pem"
        data        = "{{ with nomadVar \"nomad/jobs/nats/routes\" }}{{ .ca }}{{ end }}"
      }

      template {
        destination = "secrets/route-cert.pem"
        data        = "{{ with nomadVar \"nomad/jobs/nats/routes\" }}{{ index . (print \"cert_\" (env \"NOMAD_ALLOC_INDEX\")) }}{{ end }}"
      }

      template {
        destination = "secrets/route-key.pem"
        perms       = "0600"
        data        = "{{ with nomadVar \"nomad/jobs/nats/routes\" }}{{ index . (print \"key_\" (env \"NOMAD_ALLOC_INDEX\")) }}{{ end }}"
      }

      # The public keys of our NATS users (read by permissions.conf), from the Nomad variable
      # nomad/jobs/nats (`<component>_nkey`; `mk-nkey new` makes a seed and its key).
      template {
        destination = "secrets/users.env"
        env         = true
        data        = <<EOT
{{ with nomadVar "nomad/jobs/nats" }}
MK_NATS_EDGE_NKEY={{ .edge_nkey }}
MK_NATS_JETSTREAM_NKEY={{ .jetstream_nkey }}
MK_NATS_AUTH_NKEY={{ .auth_nkey }}
MK_NATS_CATALOG_NKEY={{ .catalog_nkey }}
MK_NATS_INVENTORY_NKEY={{ .inventory_nkey }}
MK_NATS_CART_NKEY={{ .cart_nkey }}
MK_NATS_ORDERS_NKEY={{ .orders_nkey }}
MK_NATS_PAYMENTS_NKEY={{ .payments_nkey }}
MK_NATS_NOTIFY_NKEY={{ .notify_nkey }}
MK_NATS_OPS_NKEY={{ .ops_nkey }}
{{ end }}
EOT
      }

      env {
        NATS_SERVER_NAME = "nats-${NOMAD_ALLOC_INDEX}"
        MK_NATS_ROUTE_CERT = "${NOMAD_SECRETS_DIR}/route-cert.pem"
        MK_NATS_ROUTE_KEY  = "${NOMAD_SECRETS_DIR}/route-key.pem"
        MK_NATS_ROUTE_CA   = "${NOMAD_SECRETS_DIR}/route-ca.pem"
        # Consul DNS names of the three nodes; the server ignores its own route.
        NATS_ROUTES = "nats://nats-0.nats.service.consul:6222,nats://nats-1.nats.service.consul:6222,nats://nats-2.nats.service.consul:6222"
      }

      resources {
        cpu    = 1000
        memory = 1024
      }
    }
  }
}
