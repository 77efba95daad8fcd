import { syntheticPaxlst } from './synthetic-traffic.ts';
import { decodePaxlst } from '../src/index.ts';
const { text } = syntheticPaxlst(10e6);
for (let i = 0; i < 15; i++) decodePaxlst(text);
