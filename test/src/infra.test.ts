// Docker cannot run here, so the deployment files are checked against the code instead: every
// service they start exists, the environment they give it satisfies that service's own config
// schema, probes hit real endpoints, and every topic the code uses is defined.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import type { z } from 'zod';
import { Topics } from '@paxguard/domain';
import { IngestConfig } from '@paxguard/ingest';
import { ConsoleConfig } from '@paxguard/console';
import { ScreeningConfig } from '@paxguard/screening-service';
import { SanctionsConfig } from '@paxguard/sanctions-service';
import { ReferenceConfig } from '@paxguard/reference-service';
import { ROOT } from './processes.ts';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: { key: string }; secretKeyRef?: { key: string } };
}
interface Container {
  args: string[];
  env: EnvVar[];
  readinessProbe: { httpGet: { path: string } };
  livenessProbe: { httpGet: { path: string } };
}
interface K8sObject {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: {
    selector: { matchLabels: Record<string, string> };
    template: { spec: { containers: Container[] } };
  };
}

const SCHEMAS: Record<string, z.ZodObject> = {
  'services/ingest/src/main.ts': IngestConfig,
  'services/console/src/main.ts': ConsoleConfig,
  'services/screening/src/main.ts': ScreeningConfig,
  'services/sanctions/src/main.ts': SanctionsConfig,
  'services/reference/src/main.ts': ReferenceConfig,
};

const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

function checkEnv(entry: string, env: Record<string, string>) {
  expect(existsSync(path.join(ROOT, entry)), `${entry} exists`).toBe(true);
  const schema = SCHEMAS[entry];
  expect(schema, `a config schema is known for ${entry}`).toBeDefined();
  const result = schema!.safeParse(env);
  expect(result.success, `${entry}: ${result.success ? '' : result.error.message}`).toBe(true);
  for (const name of Object.keys(env))
    expect(Object.keys(schema!.shape), `${entry} reads ${name}`).toContain(name);
}

describe('compose file', () => {
  const compose = parse(read('infra/compose/compose.yaml')) as {
    services: Record<
      string,
      { command?: string[]; environment?: Record<string, string>; image?: string; build?: unknown }
    >;
  };

  it('runs Kafka in KRaft mode and PostgreSQL', () => {
    expect(compose.services.kafka!.image).toMatch(/^apache\/kafka:/);
    expect(compose.services.kafka!.environment!.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(compose.services.postgres!.image).toMatch(/^postgres:/);
  });

  it('starts each service with an environment its config schema accepts', () => {
    const started = Object.values(compose.services).filter((s) =>
      s.command?.[0]?.startsWith('services/'),
    );
    expect(started.length).toBeGreaterThanOrEqual(2);
    for (const s of started) {
      const env = Object.fromEntries(
        Object.entries(s.environment ?? {}).map(([k, v]) => [
          k,
          String(v).replace(/\$\{[A-Z_]+[^}]*\}/g, 'secret-of-at-least-16-chars'),
        ]),
      );
      checkEnv(s.command![0]!, env);
    }
  });
});

describe('Kubernetes manifests', () => {
  const kustomization = parse(read('infra/k8s/kustomization.yaml')) as { resources: string[] };
  const docs = kustomization.resources.flatMap((r) => {
    expect(existsSync(path.join(ROOT, 'infra/k8s', r)), `${r} exists`).toBe(true);
    return parseAllDocuments(read(path.join('infra/k8s', r))).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJSON() as K8sObject;
    });
  });

  it('are well-formed objects with a kind and a name', () => {
    for (const d of docs) {
      expect(d.kind).toBeTruthy();
      expect(d.metadata?.name).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('give each Deployment an environment its service accepts, and real probe paths', () => {
    const config = docs.find(
      (d) => d.kind === 'ConfigMap' && d.metadata.name === 'paxguard-config',
    )!;
    const deployments = docs.filter((d) => d.kind === 'Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([
      'console',
      'ingest',
      'reference',
      'sanctions',
      'screening',
    ]);
    for (const dep of deployments) {
      const c = dep.spec!.template.spec.containers[0]!;
      const env: Record<string, string> = {};
      for (const e of c.env) {
        if (e.value !== undefined) env[e.name] = e.value;
        else if (e.valueFrom?.configMapKeyRef)
          env[e.name] = config.data![e.valueFrom.configMapKeyRef.key]!;
        else if (e.valueFrom?.secretKeyRef)
          env[e.name] =
            e.valueFrom.secretKeyRef.key === 'DATABASE_URL'
              ? 'postgres://user:secret@db:5432/paxguard'
              : 'a-secret-of-thirty-two-characters';
      }
      checkEnv(c.args[0]!, env);
      expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(c.livenessProbe.httpGet.path).toBe('/health/live');
      expect(dep.spec!.selector.matchLabels).toEqual({
        'app.kubernetes.io/name': dep.metadata.name,
      });
    }
  });
});

describe('Kafka topics', () => {
  it('define every topic the code publishes or consumes', () => {
    const defined = (
      parse(read('infra/kafka/topics.yaml')) as { topics: { name: string; partitions: number }[] }
    ).topics;
    for (const t of Object.values(Topics)) expect(defined.map((d) => d.name)).toContain(t);
    for (const d of defined) expect(d.partitions).toBeGreaterThan(0);
  });
});
