import { syntheticPaxlst } from './synthetic-traffic.ts';
import { decodePaxlst } from '../src/index.ts';
import edifact from 'edifact';
const t0 = performance.now();
const { text, travellers } = syntheticPaxlst(10e6);
console.log(
  'gen',
  (performance.now() - t0).toFixed(0),
  'ms',
  text.length,
  travellers,
  text.slice(0, 600),
);
for (let i = 0; i < 5; i++) {
  const a = performance.now();
  const r = decodePaxlst(text);
  const ms = performance.now() - a;
  console.log(
    'decode',
    ms.toFixed(1),
    'ms',
    (text.length / 1e6 / (ms / 1000)).toFixed(1),
    'MB/s',
    r.ok,
    r.ok ? r.value[0]!.manifest.travellers.length : r.errors.slice(0, 2),
    r.warnings.length,
  );
}
for (let i = 0; i < 3; i++) {
  const a = performance.now();
  let n = 0;
  let p = 0;
  for (;;) {
    const q = text.indexOf("'", p);
    if (q < 0) break;
    const s = text.slice(p, q);
    n += s.length > 0 ? 1 : 0;
    p = q + 1;
  }
  const ms = performance.now() - a;
  console.log('split', ms.toFixed(1), (text.length / 1e6 / (ms / 1000)).toFixed(1), n);
}
for (let i = 0; i < 2; i++) {
  const a = performance.now();
  const p = new (edifact as any).Parser();
  let n = 0;
  p.on('opensegment', () => n++);
  p.on('component', () => {});
  p.on('element', () => {});
  p.on('closesegment', () => {});
  p.write(text);
  p.end();
  const ms = performance.now() - a;
  console.log('edifact', ms.toFixed(1), (text.length / 1e6 / (ms / 1000)).toFixed(1), n);
}
