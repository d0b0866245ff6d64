#!/usr/bin/env bash
# Installs (with apt-get, where missing) and starts PostgreSQL and RabbitMQ on
# this machine, with RabbitMQ's prometheus plugin, and installs the tools
# the deployment tests run: promtool and the Prometheus server (Debian's
# `prometheus`) and kubectl (Debian's `kubernetes-client`). Idempotent: does
# nothing for what is already there.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
amqp_up() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "installing PostgreSQL"
  apt_install postgresql postgresql-client
fi
if ! pg_up; then
  echo "starting PostgreSQL"
  for version in $(ls /etc/postgresql); do
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
fi
for _ in $(seq 1 60); do pg_up && break; sleep 1; done
pg_up || { echo "PostgreSQL did not come up" >&2; exit 1; }
# Local development and tests connect as postgres over TCP without a password.
if ! psql -h 127.0.0.1 -U postgres -d postgres -c 'select 1' >/dev/null 2>&1; then
  echo "configuring trust authentication for local TCP connections"
  for hba in /etc/postgresql/*/main/pg_hba.conf; do
    $SUDO sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
  done
  for version in $(ls /etc/postgresql); do
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
  done
fi

if ! command -v rabbitmq-server >/dev/null 2>&1; then
  echo "installing RabbitMQ"
  apt_install rabbitmq-server
fi
if ! amqp_up; then
  echo "starting RabbitMQ"
  $SUDO rabbitmq-server -detached || true
fi
for _ in $(seq 1 90); do amqp_up && break; sleep 1; done
amqp_up || { echo "RabbitMQ did not come up" >&2; exit 1; }
# The port opens before the broker accepts connections: wait for it.
if command -v rabbitmqctl >/dev/null 2>&1; then
  $SUDO rabbitmqctl await_startup >/dev/null 2>&1 || true
fi
# Per-queue metrics for Prometheus (port 15692); enabling is idempotent.
if command -v rabbitmq-plugins >/dev/null 2>&1; then
  $SUDO rabbitmq-plugins enable --quiet rabbitmq_prometheus >/dev/null 2>&1 || true
fi

if ! command -v promtool >/dev/null 2>&1 || ! command -v prometheus >/dev/null 2>&1; then
  echo "installing Prometheus (promtool and the server, for the deployment tests)"
  apt_install --no-install-recommends prometheus
  # Debian starts it as a system service where systemd runs; the tests
  # start their own.
fi
if ! command -v kubectl >/dev/null 2>&1; then
  echo "installing kubectl (to render the Kubernetes manifests in the tests)"
  apt_install kubernetes-client
fi
echo "PostgreSQL and RabbitMQ are up"
