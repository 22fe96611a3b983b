#!/bin/sh
# with_memory_limit.sh KIB COMMAND [ARGS...]: runs COMMAND with its address space limited
# to KIB kibibytes, so that a large allocation fails at once (std::bad_alloc) instead of
# taking the machine's memory. Not for sanitizer builds, which reserve terabytes.
ulimit -v "$1" || exit 125
shift
exec "$@"
