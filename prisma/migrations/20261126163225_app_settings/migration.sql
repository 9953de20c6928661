-- CreateTable
CREATE TABLE "app_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "municipality_name" TEXT NOT NULL DEFAULT '',
    "innsyn_enabled" BOOLEAN NOT NULL DEFAULT false,
    "accessibility_contact_email" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" INTEGER,

    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("id")
);

-- One row only, present from the start: readers never have to handle "no settings yet".
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_single_row" CHECK ("id" = 1);
INSERT INTO "app_settings" ("id") VALUES (1);
