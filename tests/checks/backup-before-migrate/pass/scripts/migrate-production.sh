#!/usr/bin/env bash
# Applies pending migrations to production, after a full backup.
set -euo pipefail

stamp=$(date -u +%Y%m%dT%H%M%SZ)
pg_dump --format=custom --file="backups/billing-${stamp}.dump" "$DATABASE_URL"
dbmate --migrations-dir db/migrations up
