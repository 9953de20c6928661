// Prisma's driver adapter with the tenant set in every transaction (decision 045): each
// transaction Prisma starts (interactive, batch, nested writes) begins with the tenant statement,
// and each query outside one runs in a transaction of its own. Wrapping the adapter rather than
// the client avoids the client-extension traps (prisma/orm#20678, #23583): an operation inside
// an interactive transaction stays in it.
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { tenantStatement } from "./db-role";
import { currentTenantId } from "./tenant-context";

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
// Set while a transaction with an isolation level begins: its BEGIN goes out alone.
const separateTenantStatement = new AsyncLocalStorage<boolean>();

class TenantAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly setLocalRole: boolean,
    private readonly defaultTenant: number | null,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  // The tenant statement travels with BEGIN (TenantPgClient), in its round trip. With an isolation
  // level it follows SET TRANSACTION instead, which must come before any query of the transaction.
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (!isolationLevel) return this.inner.startTransaction();
    const tx = await separateTenantStatement.run(true, () => this.inner.startTransaction(isolationLevel));
    try {
      await tx.executeRaw(statement(tenantStatement(currentTenantId() ?? this.defaultTenant, this.setLocalRole)));
      return tx;
    } catch (error) {
      await tx.executeRaw(statement("ROLLBACK")).catch(() => {});
      await tx.rollback();
      throw error;
    }
  }

  private async alone<T>(run: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = await this.startTransaction();
    let result: T;
    try {
      result = await run(tx);
    } catch (error) {
      await tx.executeRaw(statement("ROLLBACK")).catch(() => {});
      await tx.rollback();
      throw error;
    }
    await tx.executeRaw(statement("COMMIT"));
    await tx.commit();
    return result;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.alone((tx) => tx.queryRaw(query));
  }
  executeRaw(query: SqlQuery): Promise<number> {
    return this.alone((tx) => tx.executeRaw(query));
  }
  executeScript(script: string): Promise<void> {
    return this.inner.executeScript(script);
  }
  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }
  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

/**
 * node-postgres's client, sending the tenant statement of currentTenantId() in the same simple-query
 * round trip as the adapter's BEGIN (decision 059): one round trip fewer per transaction, and for
 * a lone query 3 instead of 4. Only the exact BEGIN the Prisma adapter sends is changed; the
 * setting is transaction-local, so the pooled connection never keeps it past COMMIT or ROLLBACK.
 */
export function tenantPgClient(setLocalRole: boolean, defaultTenant: number | null = null): typeof pg.Client {
  class TenantPgClient extends pg.Client {
    override query(...args: unknown[]): never {
      const [config] = args;
      if (config && typeof config === "object" && (config as { text?: unknown }).text === "BEGIN" && !separateTenantStatement.getStore()) {
        args[0] = { ...config, text: `BEGIN; ${tenantStatement(currentTenantId() ?? defaultTenant, setLocalRole)}` };
      }
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  }
  return TenantPgClient;
}

/**
 * `factory`'s adapters (on a pool of tenantPgClient with the same `defaultTenant`), with every lone
 * query in a transaction of its own and the tenant of currentTenantId() set in every transaction;
 * outside withTenant, `defaultTenant` (a script or test bound to one tenant), else the database's only one.
 */
export function tenantAdapterFactory(factory: SqlDriverAdapterFactory, setLocalRole: boolean, defaultTenant: number | null = null): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => new TenantAdapter(await factory.connect(), setLocalRole, defaultTenant),
  };
}
