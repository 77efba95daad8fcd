// The baseline for the iAPI benchmark: an empty fastify route on the same machine.
import Fastify from 'fastify';

const app = Fastify();
app.post('/empty', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.stdout.write('ready\n');
