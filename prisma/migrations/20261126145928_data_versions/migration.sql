-- CreateTable
CREATE TABLE "data_versions" (
    "name" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "data_versions_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "plans_responsible_unit_idx" ON "plans"("responsible_unit");

-- Written by hand: every statement that changes plans, their targets or users bumps the
-- register's version, so app instances know when their cached filter choices are stale.
INSERT INTO "data_versions" ("name", "version") VALUES ('register', 0);

CREATE FUNCTION bump_register_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = 'register';
  RETURN NULL;
END;
$$;

CREATE TRIGGER plans_bump_register_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
CREATE TRIGGER plan_targets_bump_register_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plan_targets"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
CREATE TRIGGER users_bump_register_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
