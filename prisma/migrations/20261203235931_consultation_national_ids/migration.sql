/*
  Warnings:

  - A unique constraint covering the columns `[tenant_id,national_plan_id]` on the table `plans` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterEnum. Edited by hand: placed where schema.prisma declares it, so PostgreSQL sorts statuses
-- in the order the app pages by (lib/public/plans.ts). No existing plan changes status.
ALTER TYPE "PlanStatus" ADD VALUE 'pa_horing' AFTER 'under_utarbeidelse';

-- AlterTable
ALTER TABLE "app_settings" ADD COLUMN     "case_link_template" TEXT,
ADD COLUMN     "map_link_template" TEXT;

-- AlterTable
ALTER TABLE "plans" ADD COLUMN     "consultation2_from" DATE,
ADD COLUMN     "consultation2_to" DATE,
ADD COLUMN     "consultation2_url" TEXT,
ADD COLUMN     "consultation_from" DATE,
ADD COLUMN     "consultation_to" DATE,
ADD COLUMN     "consultation_url" TEXT,
ADD COLUMN     "national_plan_id" TEXT,
ADD COLUMN     "sosi_planstatus" INTEGER,
ADD COLUMN     "sosi_plantype" INTEGER,
ADD COLUMN     "start_notice_on" DATE;

-- CreateIndex
CREATE UNIQUE INDEX "plans_national_plan_id_key" ON "plans"("tenant_id", "national_plan_id");

-- CreateIndex
CREATE INDEX "plans_tenant_id_consultation_to_idx" ON "plans"("tenant_id", "consultation_to");

-- CreateIndex
CREATE INDEX "plans_tenant_id_consultation2_to_idx" ON "plans"("tenant_id", "consultation2_to");

-- Written by hand (docs/decisions/048, 049): a consultation never ends before it starts; the
-- national plan id is "kommunenummer_planidentifikasjon"; SOSI codes are within their lists.
ALTER TABLE "plans" ADD CONSTRAINT "plans_consultation_order_check"
  CHECK (consultation_from IS NULL OR consultation_to IS NULL OR consultation_to >= consultation_from);
ALTER TABLE "plans" ADD CONSTRAINT "plans_consultation2_order_check"
  CHECK (consultation2_from IS NULL OR consultation2_to IS NULL OR consultation2_to >= consultation2_from);
ALTER TABLE "plans" ADD CONSTRAINT "plans_national_plan_id_check"
  CHECK (national_plan_id IS NULL OR national_plan_id ~ '^[0-9]{4}_[0-9A-Za-z][0-9A-Za-z._-]{0,15}$');
ALTER TABLE "plans" ADD CONSTRAINT "plans_sosi_codes_check"
  CHECK ((sosi_plantype IS NULL OR sosi_plantype BETWEEN 1 AND 99) AND (sosi_planstatus IS NULL OR sosi_planstatus BETWEEN 1 AND 9));
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_link_templates_check"
  CHECK ((case_link_template IS NULL OR char_length(case_link_template) <= 500) AND (map_link_template IS NULL OR char_length(map_link_template) <= 500));
