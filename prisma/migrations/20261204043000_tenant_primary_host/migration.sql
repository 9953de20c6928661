-- A tenant's primary host name: where its e-mails, calendar feeds, sitemap and API reference link
-- to (decision 058). At most one per tenant; without one, the links use the configured address
-- when its host is one of the tenant's, else the tenant's first host name alphabetically.
ALTER TABLE "tenant_hosts" ADD COLUMN "is_primary" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "tenant_hosts_primary_key" ON "tenant_hosts"("tenant_id") WHERE "is_primary";
