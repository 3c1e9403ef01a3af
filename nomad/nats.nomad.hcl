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
      port "monitor" { static = 8222 }
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

      env {
        NATS_SERVER_NAME = "nats-${NOMAD_ALLOC_INDEX}"
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
