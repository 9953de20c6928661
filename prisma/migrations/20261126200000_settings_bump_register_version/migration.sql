-- Written by hand: the settings (innsyn on/off, the municipality's name) are part of what the
-- public pages show, so changing them bumps the register's version too. The HTTP edge's page
-- cache for innsyn (lib/http/page-cache.ts) keys on that version in every app instance.
CREATE TRIGGER app_settings_bump_register_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app_settings"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
