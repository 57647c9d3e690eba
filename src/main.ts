/** `npm start`: opens the database (embedded unless DATABASE_URL), seeds demo data into an empty one, serves. */
import { buildApp, DEFAULT_WEB_DIR } from './api/app.ts';
import { startBackupsFromEnv, type BackupScheduler } from './api/backup-scheduler.ts';
import { trustProxyFromEnv } from './api/server-config.ts';
import { cacheOptionsFromEnv } from './api/response-cache.ts';
import { oidcFromEnv } from './api/auth/oidc.ts';
import { configFromEnv, DataDirLockedError, openDatabase } from './db/database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from './demo/seed.ts';

/** VEIKART_TODAY=YYYY-MM-DD pins "today" for date rules (demos and tests); otherwise the date in Oslo. */
function pinnedToday(value: string | undefined): (() => string) | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? () => value : undefined;
}

async function main(): Promise<void> {
  const config = configFromEnv();
  let database;
  try {
    // Migrations run once the server listens, so /api/health answers (and /api/health/ready says
    // 503) while they run, and an orchestrator does not restart the instance in the middle of them.
    database = await openDatabase({ ...config, migrate: false });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp({
    database,
    webDir: process.env.VEIKART_WEB_DIR ?? DEFAULT_WEB_DIR,
    logger: process.env.VEIKART_LOG !== 'off',
    trustProxy: trustProxyFromEnv(process.env, (message) => console.warn(message)),
    today: pinnedToday(process.env.VEIKART_TODAY),
    oidc: oidcFromEnv(process.env),
    cache: cacheOptionsFromEnv(process.env),
  });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  await app.listen({ port, host });
  await database.migrate();
  const seeded = await seedDemoIfEmpty(database.db);
  let backups: BackupScheduler | null;
  try {
    backups = startBackupsFromEnv(database);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const where = database.driver === 'pglite' ? `innebygd database i ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`\nVeikart kjører på http://localhost:${port} (${where}).`);
  if (seeded) console.log('Demodata er lastet inn.');
  console.log(`Demo-kontoer (passord «${DEMO_PASSWORD}»):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(16)} ${a.description}`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await backups?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
