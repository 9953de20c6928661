-- Drafts proposed before the reason "overdue" existed: a revision due before the period's first
-- year was recorded as "due in the period". (A separate migration: a new enum value cannot be used
-- in the transaction that adds it.)
UPDATE "strategy_draft_items" AS i
SET "reason" = 'overdue'
FROM "strategy_periods" AS s
WHERE s."id" = i."period_id" AND i."reason" = 'due_in_period' AND i."due_on" IS NOT NULL
  AND extract(year FROM i."due_on") < s."start_year";
