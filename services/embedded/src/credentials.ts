// Demo credentials: generated once per data directory (never a default secret in code),
// stored beside the data with owner-only permissions, printed at start.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newSecret, type Role } from '@paxguard/db';
import { z } from 'zod';

export const DemoCredentials = z.object({
  carriers: z.array(z.object({ designator: z.string(), name: z.string(), apiKey: z.string() })),
  users: z.array(z.object({ name: z.string(), role: z.string(), token: z.string() })),
  /** Salt for payment-card fingerprints in PNR data. */
  pnrCardSalt: z.string().min(16),
});
export type DemoCredentials = z.infer<typeof DemoCredentials>;

const CARRIERS = [
  { designator: 'PG', name: 'Paxguard Demo Air' },
  { designator: 'UA', name: 'United Airlines (GTAS samples)' },
  { designator: 'QQ', name: 'Demo Multi-leg Airways (GTAS samples)' },
];
const USERS: { name: string; role: Role }[] = [
  { name: 'Officer Ana Duarte', role: 'officer' },
  { name: 'Supervisor Lee Park', role: 'supervisor' },
  { name: 'Supervisor Rui Sato', role: 'supervisor' },
  { name: 'Regulator Sam Okoye', role: 'regulator' },
  { name: 'Auditor Kim Berg', role: 'auditor' },
  { name: 'Analyst Jo Meyer', role: 'analyst' },
  { name: 'Admin Ola Nord', role: 'admin' },
];

export function loadOrCreateCredentials(home: string): { creds: DemoCredentials; file: string } {
  mkdirSync(home, { recursive: true });
  const file = path.join(home, 'demo-credentials.json');
  if (existsSync(file))
    return { creds: DemoCredentials.parse(JSON.parse(readFileSync(file, 'utf8'))), file };
  const creds: DemoCredentials = {
    carriers: CARRIERS.map((c) => ({ ...c, apiKey: newSecret('pgk') })),
    users: USERS.map((u) => ({ ...u, token: newSecret('pgt') })),
    pnrCardSalt: newSecret('pgt'),
  };
  writeFileSync(file, JSON.stringify(creds, null, 2) + '\n', { mode: 0o600 });
  return { creds, file };
}
