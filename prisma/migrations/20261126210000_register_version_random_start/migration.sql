-- Written by hand: the register's version keys cached data that outlives a database — Next.js's
-- data cache on disk (.next/cache) and the edge's page cache. A database made from scratch
-- started at version 0, so a new database (a reset, the e2e suite's next run) met entries cached
-- for the old one under the same numbers and served another database's plans. Starting at a
-- random point makes that practically impossible; an existing database jumps once, which only
-- drops its caches.
UPDATE "data_versions" SET "version" = "version" + 1 + floor(random() * 1e15)::bigint WHERE "name" = 'register';
