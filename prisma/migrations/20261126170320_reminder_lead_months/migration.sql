-- AlterTable
ALTER TABLE "app_settings" ADD COLUMN     "reminder_lead_months" INTEGER[] DEFAULT ARRAY[6, 1]::INTEGER[];

-- Written by hand: one to four lead times, each 1–36 months.
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_reminder_lead_months_check"
  CHECK (reminder_lead_months IS NULL OR (cardinality(reminder_lead_months) BETWEEN 1 AND 4 AND 0 < ALL (reminder_lead_months) AND 36 >= ALL (reminder_lead_months)));
