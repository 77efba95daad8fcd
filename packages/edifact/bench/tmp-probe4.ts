import { syntheticPaxlst } from './synthetic-traffic.ts';
import { decodePaxlst } from '../src/index.ts';
const { text, travellers } = syntheticPaxlst(10e6);
const g = (globalThis as any).gc as () => void;
g();
const h0 = process.memoryUsage().heapUsed;
const r = decodePaxlst(text);
g();
const h1 = process.memoryUsage().heapUsed;
console.log(
  'retained MB',
  ((h1 - h0) / 1e6).toFixed(1),
  'per traveller B',
  ((h1 - h0) / travellers).toFixed(0),
  r.ok,
);
const t = r.ok ? r.value[0]!.manifest.travellers[5] : undefined;
console.log(JSON.stringify(t));
// allocation volume: count scavenges
