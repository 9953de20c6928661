-- Written by hand: a planning strategy's draft planprogram (strategy_draft_items) is part of what
-- /periods/<id> shows, so changing it bumps the register's version too, as every other table a
-- signed-in page reads does. The edge's cache of signed-in pages (decision 062) keys on it.
CREATE TRIGGER strategy_draft_items_bump_register_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "strategy_draft_items"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
