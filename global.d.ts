import type { Locale } from "./lib/i18n/config";
import type messages from "./lib/i18n/messages/nb.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
