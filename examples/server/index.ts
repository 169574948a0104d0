// Incident: the server failed to start, the entry point logged the error, and
// the process ended with exit code 0. The orchestrator saw a clean stop, not a
// crash, and CI stayed green. A fatal error must leave a non-zero exit code:
// `main().catch((error) => { console.error(error); process.exitCode = 1; })`.
import { createServer } from 'node:http';

import { readEnv } from '../cli/env.js';

async function main(): Promise<void> {
  const env = readEnv();
  const server = createServer((_request, response) => {
    response.end('ok');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.port, resolve);
  });
  console.log(`listening on :${env.port}`);
}

main().catch(console.error);
