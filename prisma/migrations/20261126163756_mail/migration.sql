-- CreateEnum
CREATE TYPE "MailKind" AS ENUM ('owner_reminder', 'weekly_digest', 'quarterly_summary', 'test');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('planned', 'sending', 'retrying', 'sent', 'not_sent', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "MailLocale" AS ENUM ('nb', 'en');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "mail_locale" "MailLocale" NOT NULL DEFAULT 'nb',
ADD COLUMN     "mail_owner_reminders" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "mail_quarterly_summary" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "mail_weekly_digest" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "mail_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "kind" "MailKind" NOT NULL,
    "step" TEXT NOT NULL,
    "recipient_id" INTEGER,
    "to_address" TEXT NOT NULL,
    "plan_id" INTEGER,
    "due_on" DATE,
    "as_of" DATE NOT NULL,
    "status" "MailStatus" NOT NULL DEFAULT 'planned',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "subject" TEXT,
    "text_body" TEXT,
    "html_body" TEXT,
    "message_id" TEXT,
    "job_id" TEXT,
    "planned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempted_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "mail_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mail_deliveries_dedupe_key_key" ON "mail_deliveries"("dedupe_key");

-- CreateIndex
CREATE INDEX "mail_deliveries_planned_at_idx" ON "mail_deliveries"("planned_at");

-- CreateIndex
CREATE INDEX "mail_deliveries_status_planned_at_idx" ON "mail_deliveries"("status", "planned_at");

-- CreateIndex
CREATE INDEX "mail_deliveries_recipient_id_idx" ON "mail_deliveries"("recipient_id");

-- CreateIndex
CREATE INDEX "mail_deliveries_plan_id_idx" ON "mail_deliveries"("plan_id");

-- AddForeignKey
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;
