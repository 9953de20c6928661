// The database a command works on: DATABASE_URL if set, otherwise the embedded one.
import pg from "pg";
import { describeConnectionError, pgConfigFromUrl, type PgConfig } from "./connection";
import { defaultDataDir, startEmbedded } from "./embedded";
import type { ShadowStrategy } from "./migration-adapter";

export type DbTarget = {
  config: PgConfig;
  shadow: ShadowStrategy;
  embedded: boolean;
  close: () => Promise<void>;
};

/** Thrown for problems a person can fix; the CLI prints only the message. */
export class UserFacingError extends Error {}

/** Fails with one clear sentence when the server cannot be used. */
export async function assertReachable(config: PgConfig): Promise<void> {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new UserFacingError(describeConnectionError(error, config) ?? `Cannot use PostgreSQL at ${config.host}:${config.port}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openTarget(options: { port?: number } = {}): Promise<DbTarget> {
  const url = process.env.DATABASE_URL;
  if (url) {
    let config: PgConfig;
    try {
      config = pgConfigFromUrl(url);
    } catch (error) {
      throw new UserFacingError(`DATABASE_URL is not a valid PostgreSQL URL: ${(error as Error).message}`);
    }
    await assertReachable(config);
    return { config, shadow: "create-database", embedded: false, close: async () => {} };
  }
  const embedded = await startEmbedded({ dataDir: defaultDataDir(), port: options.port });
  return { config: embedded.config, shadow: "embedded", embedded: true, close: embedded.stop };
}
