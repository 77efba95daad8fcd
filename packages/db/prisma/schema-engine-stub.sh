#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here. `prisma
# generate` only checks that the file exists. Migrations go through src/migrate.ts.
echo "paxguard: the native Prisma schema engine is not installed; use npm run db:migrate (src/migrate.ts)" >&2
exit 1
