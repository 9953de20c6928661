-- Tenants of three kinds (decision 052): municipalities (the registers), a county governor's office
-- (Statsforvalteren: reads its county's municipalities through county_overview(), never their rows)
-- and the platform (the operator who creates tenants). Each kind has its own users and roles, so
-- sign-in, sessions, lock-out and one-time links stay per tenant as they are.
CREATE TYPE "TenantKind" AS ENUM ('municipality', 'county', 'platform');
ALTER TYPE "Role" ADD VALUE 'statsforvalter';
ALTER TYPE "Role" ADD VALUE 'operator';

ALTER TABLE "tenants" ADD COLUMN "kind" "TenantKind" NOT NULL DEFAULT 'municipality';
ALTER TABLE "tenants" ALTER COLUMN "kommunenummer" DROP NOT NULL;
-- A municipality has its kommunenummer; the county office and the platform have none.
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_kind_kommunenummer_check" CHECK (("kind" = 'municipality') = ("kommunenummer" IS NOT NULL));
-- One office per county, one platform.
CREATE UNIQUE INDEX "tenants_county_office_key" ON "tenants"("county_number") WHERE "kind" = 'county';
CREATE UNIQUE INDEX "tenants_platform_key" ON "tenants"("kind") WHERE "kind" = 'platform';
CREATE INDEX "tenants_county_number_kind_idx" ON "tenants"("county_number", "kind");
