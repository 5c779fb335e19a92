#!/usr/bin/env bash
# Debian's chromium, for the HTML report test (playwright-core drives it; no
# browser download, which this network does not allow).
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
chromium --version
