// Incident: a containerised service validated its environment, logged why it
// could not start, and exited. With stderr piped to the container runtime,
// `process.exit()` ended the process before the log line was written: the
// container restarted in a loop with empty logs. Set `process.exitCode` and
// return (or throw) instead.

export interface Env {
  databaseUrl: string;
  port: number;
}

export function readEnv(): Env {
  const databaseUrl = process.env['DATABASE_URL'];
  const port = Number(process.env['PORT'] ?? '8080');
  if (!databaseUrl || !Number.isInteger(port)) {
    console.error('Invalid environment: DATABASE_URL must be set and PORT must be an integer');
    process.exit(1);
  }
  return { databaseUrl, port };
}
