import { syntheticPaxlst } from './synthetic-traffic.ts';
import { decodePaxlst } from '../src/index.ts';
import { Parser } from 'edifact';
const { text } = syntheticPaxlst(10e6);
function cpu(f: () => void): number {
  const a = process.cpuUsage();
  f();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
}
const res: Record<string, number[]> = { decode: [], edifact: [] };
for (let i = 0; i < 6; i++) {
  res.decode!.push(cpu(() => decodePaxlst(text)));
  res.edifact!.push(
    cpu(() => {
      const p = new Parser();
      let n = 0;
      p.on('opensegment', () => n++);
      p.on('component', () => {});
      p.on('element', () => {});
      p.on('closesegment', () => {});
      p.write(text);
      p.end();
    }),
  );
}
for (const [k, v] of Object.entries(res)) {
  v.sort((a, b) => a - b);
  console.log(
    k,
    v.map((x) => x.toFixed(0)).join(' '),
    'best MB/s',
    (text.length / 1e3 / v[0]!).toFixed(1),
  );
}
