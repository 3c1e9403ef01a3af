# The MenusKart platform: edges, the JetStream keepers and worker pools. Scaling a pool is
# changing its `count`: every instance joins its service's NATS queue group. Secrets come from
# Nomad variables (nomad/jobs/menuskart; each task's NATS seed from nomad/jobs/menuskart/nats,
# `<task>_seed`), never from this file. Access tokens: auth alone gets `jwt_signing_key`; every
# task gets `jwt_public_keys` (`mk-jwt-key new <kid>` makes both).
#
# Stores: every task reads only its own credentials, each from a variable of its own name
# (`<task>_...`), and each is a user of its own:
# - PostgreSQL (auth, orders, payments, notify): `<task>_database_url`, with the task's own role,
#   owner of its own database only (make both with deploy/postgres/worker-database.sql, as
#   deploy/postgres/databases.sh does; the superuser's password stays with the operator).
# - Redis: `inventory_stock_redis_url` (the stock Redis, users from deploy/redis/stock.acl:
#   inventory alone), `edge_rate_redis_url` and `catalog_cache_redis_url` (the cache Redis,
#   deploy/redis/cache.acl), as redis://<user>:<password>@host:port/.
# - SurrealDB (catalog, cart): users `catalog` and `cart` with `catalog_db_password` and
#   `cart_db_password`, made once with the root password by `mk-surreal-users catalog cart`
#   (see its header); no task holds root.
job "menuskart" {
  datacenters = ["dc1"]
  type        = "service"

  group "edge" {
    count = 2

    network {
      port "http" { static = 8080 }
    }

    service {
      name = "menuskart-edge"
      port = "http"
      check {
        type     = "http"
        path     = "/readyz"
        interval = "5s"
        timeout  = "2s"
      }
    }

    task "edge" {
      driver = "exec"

      config {
        command = "menuskart-edge"
      }

      # The task's own NATS user (nats/permissions.conf): its NKey seed, a Nomad variable.
      template {
        destination = "secrets/nats.env"
        env         = true
        data        = <<EOT
MK_EDGE_NATS_SEED={{ with nomadVar "nomad/jobs/menuskart/nats" }}{{ .edge_seed }}{{ end }}
MK_JWT_PUBLIC_KEYS={{ with nomadVar "nomad/jobs/menuskart" }}{{ .jwt_public_keys }}{{ end }}
EOT
      }

      # Every edge counts rate limits in the same Redis, as its user `edge`.
      template {
        destination = "secrets/env"
        env         = true
        data        = <<EOT
MK_RATE_REDIS_URL={{ with nomadVar "nomad/jobs/menuskart" }}{{ .edge_rate_redis_url }}{{ end }}
EOT
      }

      env {
        MK_HTTP_ADDR    = "0.0.0.0:8080"
        MK_METRICS_ADDR = "0.0.0.0:9464"
        # "true" once browsers reach the shop over HTTPS (HSTS, Secure cookies).
        MK_BEHIND_TLS   = "false"
        MK_NATS_URL     = "nats://nats.service.consul:4222"
        MK_LOG_FORMAT   = "json"
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }

  # The JetStream keeper (`mk-jetstream`): the only component that makes streams and durable
  # consumers, and the only one in NATS's JETSTREAM account (nats/permissions.conf). Every
  # worker that uses JetStream asks it for its own at start-up (waiting up to 60 s), so it runs
  # wherever they do. Stateless, no store.
  group "jetstream" {
    count = 2

    task "jetstream" {
      driver = "exec"

      config {
        command = "mk-jetstream"
      }

      # The task's own NATS user (nats/permissions.conf): its NKey seed, a Nomad variable.
      template {
        destination = "secrets/nats.env"
        env         = true
        data        = <<EOT
MK_JETSTREAM_NATS_SEED={{ with nomadVar "nomad/jobs/menuskart/nats" }}{{ .jetstream_seed }}{{ end }}
MK_JWT_PUBLIC_KEYS={{ with nomadVar "nomad/jobs/menuskart" }}{{ .jwt_public_keys }}{{ end }}
EOT
      }

      kill_timeout = "30s"

      env {
        MK_NATS_URL    = "nats://nats.service.consul:4222"
        # Copies of each stream it makes: one per node of the cluster.
        MK_JS_REPLICAS = "3"
        MK_LOG_FORMAT  = "json"
      }

      resources {
        cpu    = 200
        memory = 128
      }
    }
  }

  group "auth" {
    count = 3

    task "auth" {
      driver = "exec"

      config {
        command = "menuskart-auth"
      }

      # The task's own NATS user (nats/permissions.conf): its NKey seed, a Nomad variable.
      template {
        destination = "secrets/nats.env"
        env         = true
        data        = <<EOT
MK_AUTH_NATS_SEED={{ with nomadVar "nomad/jobs/menuskart/nats" }}{{ .auth_seed }}{{ end }}
MK_JWT_PUBLIC_KEYS={{ with nomadVar "nomad/jobs/menuskart" }}{{ .jwt_public_keys }}{{ end }}
EOT
      }

      # SIGTERM, then up to this long to answer in-flight requests and drain NATS.
      kill_timeout = "30s"

      env {
        MK_NATS_URL   = "nats://nats.service.consul:4222"
        MK_LOG_FORMAT = "json"
      }

      template {
        destination = "secrets/env"
        env         = true
        data        = <<EOT
{{ with nomadVar "nomad/jobs/menuskart" }}
MK_JWT_SIGNING_KEY={{ .jwt_signing_key }}
MK_AUTH_DATABASE_URL={{ .auth_database_url }}
MK_ADMIN_EMAIL={{ .admin_email }}
MK_ADMIN_PASSWORD={{ .admin_password }}
{{ end }}
EOT
      }

      resources {
        cpu    = 1000
        memory = 256
      }
    }
  }

  group "inventory" {
    count = 2

    task "inventory" {
      driver = "exec"

      config {
        command = "menuskart-inventory"
      }

      # The task's own NATS user (nats/permissions.conf): its NKey seed, a Nomad variable.
      template {
        destination = "secrets/nats.env"
        env         = true
        data        = <<EOT
MK_INVENTORY_NATS_SEED={{ with nomadVar "nomad/jobs/menuskart/nats" }}{{ .inventory_seed }}{{ end }}
MK_JWT_PUBLIC_KEYS={{ with nomadVar "nomad/jobs/menuskart" }}{{ .jwt_public_keys }}{{ end }}
EOT
      }

      kill_timeout = "30s"

      env {
        MK_NATS_URL    = "nats://nats.service.consul:4222"
        MK_JS_REPLICAS = "3"
        MK_LOG_FORMAT  = "json"
      }

      # The stock Redis, as its only user `inventory`.
      template {
        destination = "secrets/env"
        env         = true
        data        = <<EOT
MK_STOCK_REDIS_URL={{ with nomadVar "nomad/jobs/menuskart" }}{{ .inventory_stock_redis_url }}{{ end }}
EOT
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }

  group "catalog" {
    count = 2

    task "catalog" {
      driver = "exec"

      config {
        command = "menuskart-catalog"
      }

      # The task's own NATS user (nats/permissions.conf): its NKey seed, a Nomad variable.
      template {
        destination = "secrets/nats.env"
        env         = true
        data        = <<EOT
MK_CATALOG_NATS_SEED={{ with nomadVar "nomad/jobs/menuskart/nats" }}{{ .catalog_seed }}{{ end }}
MK_JWT_PUBLIC_KEYS={{ with nomadVar "nomad/jobs/menuskart" }}{{ .jwt_public_keys }}{{ end }}
EOT
      }

      kill_timeout = "30s"

      env {
        MK_NATS_URL        = "nats://nats.service.consul:4222"
        MK_JS_REPLICAS     = "3"
        MK_CATALOG_DB_URL  = "ws://surrealdb.service.consul:8000"
        MK_CATALOG_DB_USER = "catalog"
        MK_LOG_FORMAT      = "json"
        # An EU shop: one currency, consumer prices including VAT (19 %, groceries 7 %).
        MK_SHOP_CURRENCY      = "EUR"
        MK_PRICES_INCLUDE_TAX = "true"
        MK_TAX_DEFAULT_BP     = "1900"
        MK_TAX_RATES          = "groceries=700"
      }

      template {
        destination = "secrets/env"
        env         = true
        data        = <<EOT
{{ with nomadVar "nomad/jobs/menuskart" }}
MK_CATALOG_DB_PASSWORD={{ .catalog_db_password }}
MK_CACHE_REDIS_URL={{ .catalog_cache_redis_url }}
{{ end }}
EOT
      }

      resources {
        cpu    = 1000
        memory = 512
      }
    }
  }

  group "cart" {
    count = 2

    task "cart" {
      driver = "exec"

      config {
        command = "menuskart-cart"
      }

      # The task's own NATS user (nats/permissions.conf): its NKey seed, a Nomad variable.
      template {
        destination = "secrets/nats.env"
        env         = true
        data        = <<EOT
MK_CART_NATS_SEED={{ with nomadVar "nomad/jobs/menuskart/nats" }}{{ .cart_seed }}{{ end }}
MK_JWT_PUBLIC_KEYS={{ with nomadVar "nomad/jobs/menuskart" }}{{ .jwt_public_keys }}{{ end }}
EOT
      }

      kill_timeout = "30s"

      env {
        MK_NATS_URL       = "nats://nats.service.consul:4222"
        MK_CART_DB_URL    = "ws://surrealdb.service.consul:8000"
        MK_CART_DB_USER   = "cart"
        MK_LOG_FORMAT     = "json"
        MK_SHOP_CURRENCY      = "EUR"
        MK_PRICES_INCLUDE_TAX = "true"
      }

      template {
        destination = "secrets/env"
        env         = true
        data        = <<EOT
MK_CART_DB_PASSWORD={{ with nomadVar "nomad/jobs/menuskart" }}{{ .cart_db_password }}{{ end }}
EOT
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }

  group "orders" {
    count = 2

    task "orders" {
      driver = "exec"

      config {
        command = "menuskart-orders"
      }

      # The task's own NATS user (nats/permissions.conf): its NKey seed, a Nomad variable.
      template {
        destination = "secrets/nats.env"
        env         = true
        data        = <<EOT
MK_ORDERS_NATS_SEED={{ with nomadVar "nomad/jobs/menuskart/nats" }}{{ .orders_seed }}{{ end }}
MK_JWT_PUBLIC_KEYS={{ with nomadVar "nomad/jobs/menuskart" }}{{ .jwt_public_keys }}{{ end }}
EOT
      }

      kill_timeout = "30s"

      env {
        MK_NATS_URL    = "nats://nats.service.consul:4222"
        MK_JS_REPLICAS = "3"
        MK_LOG_FORMAT  = "json"
      }

      template {
        destination = "secrets/env"
        env         = true
        data        = <<EOT
MK_ORDERS_DATABASE_URL={{ with nomadVar "nomad/jobs/menuskart" }}{{ .orders_database_url }}{{ end }}
EOT
      }

      resources {
        cpu    = 1000
        memory = 256
      }
    }
  }

  group "payments" {
    count = 2

    task "payments" {
      driver = "exec"

      config {
        command = "menuskart-payments"
      }

      # The task's own NATS user (nats/permissions.conf): its NKey seed, a Nomad variable.
      template {
        destination = "secrets/nats.env"
        env         = true
        data        = <<EOT
MK_PAYMENTS_NATS_SEED={{ with nomadVar "nomad/jobs/menuskart/nats" }}{{ .payments_seed }}{{ end }}
MK_JWT_PUBLIC_KEYS={{ with nomadVar "nomad/jobs/menuskart" }}{{ .jwt_public_keys }}{{ end }}
EOT
      }

      kill_timeout = "30s"

      env {
        MK_NATS_URL          = "nats://nats.service.consul:4222"
        MK_JS_REPLICAS       = "3"
        MK_PAYMENTS_PROVIDER = "stripe"
        MK_ENVIRONMENT       = "production"
        MK_LOG_FORMAT        = "json"
      }

      template {
        destination = "secrets/env"
        env         = true
        data        = <<EOT
{{ with nomadVar "nomad/jobs/menuskart" }}
MK_PAYMENTS_DATABASE_URL={{ .payments_database_url }}
MK_STRIPE_SECRET_KEY={{ .stripe_secret_key }}
MK_PAYMENTS_WEBHOOK_SECRETS={{ .payments_webhook_secrets }}
{{ end }}
EOT
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }

  group "notify" {
    count = 2

    task "notify" {
      driver = "exec"

      config {
        command = "menuskart-notify"
      }

      # The task's own NATS user (nats/permissions.conf): its NKey seed, a Nomad variable.
      template {
        destination = "secrets/nats.env"
        env         = true
        data        = <<EOT
MK_NOTIFY_NATS_SEED={{ with nomadVar "nomad/jobs/menuskart/nats" }}{{ .notify_seed }}{{ end }}
MK_JWT_PUBLIC_KEYS={{ with nomadVar "nomad/jobs/menuskart" }}{{ .jwt_public_keys }}{{ end }}
EOT
      }

      kill_timeout = "30s"

      env {
        MK_NATS_URL    = "nats://nats.service.consul:4222"
        MK_JS_REPLICAS = "3"
        MK_SMTP_TLS    = "starttls"
        MK_SMTP_PORT   = "587"
        MK_LOG_FORMAT  = "json"
      }

      template {
        destination = "secrets/env"
        env         = true
        data        = <<EOT
{{ with nomadVar "nomad/jobs/menuskart" }}
MK_NOTIFY_DATABASE_URL={{ .notify_database_url }}
MK_SMTP_HOST={{ .smtp_host }}
MK_SMTP_USER={{ .smtp_user }}
MK_SMTP_PASSWORD={{ .smtp_password }}
MK_UNSUBSCRIBE_SECRET={{ .unsubscribe_secret }}
MK_PUBLIC_URL={{ .public_url }}
{{ end }}
EOT
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
