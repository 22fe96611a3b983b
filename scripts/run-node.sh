#!/usr/bin/env bash
# `make run`: starts the development node, duskd --dev, in the foreground (Ctrl-C stops
# it). A fresh chain each time, in a temporary directory; DUSKD_ARGS adds flags, as in
#   make run DUSKD_ARGS="--datadir ~/.duskd-dev --block-time 0.5"
set -euo pipefail
build=${1:-build/release}
echo "Starting duskd --dev ${DUSKD_ARGS:-} (Ctrl-C to stop). Try, in another terminal:"
echo "  curl -s http://127.0.0.1:8080/v1/info"
echo "  $build/apps/dusk/dusk restore --phrase \"test test test test test test test test test test test junk\""
echo "  $build/apps/dusk/dusk balance"
echo
# shellcheck disable=SC2086
exec "$build/apps/duskd/duskd" --dev ${DUSKD_ARGS:-}
