// Prisma's driver adapter with the tenant set in every transaction (decision 045): each
// transaction Prisma starts (interactive, batch, nested writes) begins with the tenant statement,
// and each query outside one runs in a transaction of its own. Wrapping the adapter rather than
// the client avoids the client-extension traps (prisma/orm#20678, #23583): an operation inside
// an interactive transaction stays in it.
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import { tenantStatement } from "./db-role";
import { currentTenantId } from "./tenant-context";

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

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

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const tx = await this.inner.startTransaction(isolationLevel);
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

/** `factory`'s adapters, with the tenant of currentTenantId() (else `defaultTenant`) set in every transaction. */
export function tenantAdapterFactory(factory: SqlDriverAdapterFactory, setLocalRole: boolean, defaultTenant: number | null = null): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => new TenantAdapter(await factory.connect(), setLocalRole, defaultTenant),
  };
}
