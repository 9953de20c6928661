-- AlterTable
ALTER TABLE "plans" ADD COLUMN     "public_draft" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Innsyn pages and the API cache what they show keyed by the register's version: the plans'
-- documents and relations and the planning strategies count as the register too.
CREATE TRIGGER plan_documents_bump_register_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plan_documents"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
CREATE TRIGGER plan_relations_bump_register_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plan_relations"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
CREATE TRIGGER strategy_periods_bump_register_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "strategy_periods"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
CREATE TRIGGER strategy_decisions_bump_register_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "strategy_decisions"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();

-- A token has a name (shown in its owner's list).
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 100);
