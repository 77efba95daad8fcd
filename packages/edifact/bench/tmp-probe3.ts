import { syntheticPaxlst } from './synthetic-traffic.ts';
import { decodePaxlst } from '../src/index.ts';
const { text } = syntheticPaxlst(10e6);
for (let i = 0; i < 4; i++) decodePaxlst(text);
console.log('----');
const a = performance.now();
decodePaxlst(text);
console.log('ms', performance.now() - a);
