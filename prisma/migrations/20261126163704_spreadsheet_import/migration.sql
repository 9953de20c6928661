-- CreateTable
CREATE TABLE "import_uploads" (
    "id" UUID NOT NULL,
    "user_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "mapping" JSONB,
    "applied_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_uploads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_rows" (
    "upload_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "plan_id" INTEGER,
    "base_version" INTEGER,
    "title" TEXT NOT NULL,
    "input" JSONB,
    "before" JSONB,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "import_rows_pkey" PRIMARY KEY ("upload_id","row_number")
);

-- CreateIndex
CREATE INDEX "import_uploads_created_at_idx" ON "import_uploads"("created_at");

-- CreateIndex
CREATE INDEX "import_rows_upload_id_kind_row_number_idx" ON "import_rows"("upload_id", "kind", "row_number");

-- AddForeignKey
ALTER TABLE "import_uploads" ADD CONSTRAINT "import_uploads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "import_uploads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
