// Connection settings for node-postgres from a DATABASE_URL, as discrete fields: Prisma's pg
// adapter derives shadow-database configs by overriding `database`, which a connectionString
// would silently win over.
import { parse } from "pg-connection-string";
import pg, { type PoolConfig } from "pg";

export type PgConfig = Required<Pick<PoolConfig, "host" | "port" | "user" | "database">> &
  Pick<PoolConfig, "password" | "ssl" | "max">;

/** Parses a postgres:// URL into discrete node-postgres settings. */
export function pgConfigFromUrl(url: string): PgConfig {
  const parsed = parse(url);
  if (!parsed.database) {
    throw new Error(`DATABASE_URL has no database name (expected postgresql://user@host:5432/name).`);
  }
  const config: PgConfig = {
    host: parsed.host ?? "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user ?? process.env.PGUSER ?? "postgres",
    database: parsed.database,
  };
  if (parsed.password) config.password = parsed.password;
  if (parsed.ssl !== undefined && parsed.ssl !== false && parsed.ssl !== null) {
    config.ssl = typeof parsed.ssl === "object" ? { rejectUnauthorized: parsed.ssl.rejectUnauthorized !== false } : true;
  }
  return config;
}

/** Builds a postgres:// URL from discrete settings (used to hand a database to child processes). */
export function urlFromPgConfig(config: PgConfig): string {
  const auth = config.password
    ? `${encodeURIComponent(config.user)}:${encodeURIComponent(String(config.password))}`
    : encodeURIComponent(config.user);
  return `postgresql://${auth}@${config.host}:${config.port}/${encodeURIComponent(config.database)}`;
}

/** Same server, another database. */
export function withDatabase(config: PgConfig, database: string): PgConfig {
  return { ...config, database };
}

/** Turns a connection failure into one sentence a person can act on. */
export function describeConnectionError(error: unknown, config: PgConfig): string | null {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const where = `${config.host}:${config.port}`;
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return `Cannot reach PostgreSQL at ${where} (${code}): start the server, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database.`;
    case "3D000":
      return `Database "${config.database}" does not exist on ${where}: create it (createdb ${config.database}) or fix DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the credentials for user "${config.user}": fix the user or password in DATABASE_URL.`;
    default:
      return null;
  }
}

/** Runs `fn` with a short-lived client on `config`'s server. */
export async function withClient<T>(config: PgConfig, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE on `config`'s server (the name is ours, never user input). */
export const createDatabase = (config: PgConfig, name: string) => withClient(config, (c) => c.query(`CREATE DATABASE "${name}"`));

/** DROP DATABASE … WITH (FORCE): ends sessions left open by a killed run. */
export const dropDatabase = (config: PgConfig, name: string) => withClient(config, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
