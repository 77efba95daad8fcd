#!/usr/bin/env node
// Makes sure the services the tests talk to exist on this machine: a PostgreSQL server and
// `kcat` (whose librdkafka mock cluster is the Kafka test broker when no KAFKA_BROKERS and no
// Docker are given). Installs with apt and starts what is stopped, when it can; otherwise says
// exactly what is missing. Plain Node, no dependencies: it runs before `npm ci` has.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const isRoot = process.getuid?.() === 0;
const log = (m) => console.log(`paxguard services: ${m}`);

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function apt(...pkgs) {
  if (!isRoot || !has('apt-get')) return false;
  log(`installing ${pkgs.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  return (
    spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env }).status === 0
  );
}

function pgReady() {
  if (!has('pg_isready')) return false;
  return (
    spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-t', '3'], { stdio: 'ignore' })
      .status === 0
  );
}

function ensurePostgres() {
  if (process.env.DATABASE_URL || process.env.PAXGUARD_TEST_DATABASE_URL) return true;
  if (pgReady()) return true;
  if (!existsSync('/etc/postgresql') && !apt('postgresql')) {
    log('PostgreSQL is not installed and cannot be installed here: set DATABASE_URL to a server');
    return false;
  }
  for (const version of readdirSync('/etc/postgresql')) {
    log(`starting PostgreSQL ${version} …`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
      stdio: 'inherit',
    });
  }
  for (let i = 0; i < 30 && !pgReady(); i++) execFileSync('sleep', ['1']);
  if (!pgReady()) {
    log('PostgreSQL did not come up on 127.0.0.1:5432');
    return false;
  }
  // A freshly installed Debian cluster only trusts local peers: give root a superuser role.
  if (isRoot) {
    spawnSync(
      'su',
      [
        'postgres',
        '-c',
        `psql -qc "DO \\$\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='root') THEN CREATE ROLE root SUPERUSER LOGIN PASSWORD 'root'; END IF; END\\$\\$"`,
      ],
      { stdio: 'ignore' },
    );
    spawnSync('su', ['postgres', '-c', `psql -qc "ALTER ROLE postgres PASSWORD 'postgres'"`], {
      stdio: 'ignore',
    });
    spawnSync('su', ['postgres', '-c', 'createdb test'], { stdio: 'ignore' });
  }
  return true;
}

function ensureKcat() {
  if (process.env.KAFKA_BROKERS || process.env.PAXGUARD_TEST_KAFKA_BROKERS) return true;
  if (has('kcat')) return true;
  if (apt('kcat') && has('kcat')) return true;
  log('kcat is missing (apt-get install kcat), and neither KAFKA_BROKERS nor Docker is set up');
  return false;
}

const ok = [ensurePostgres(), ensureKcat()].every(Boolean);
if (!ok) {
  log(
    'the tests need PostgreSQL and a Kafka broker (see README, "Running the tests"); refusing to run without them',
  );
  process.exit(1);
}
