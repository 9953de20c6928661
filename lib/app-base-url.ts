// The current request's tenant's public address (lib/base-url.ts), for pages and route handlers.
import "server-only";
import { cache } from "react";
import { requestBaseUrl, tenantBaseUrl } from "./base-url";
import { db } from "./db";

const baseOf = cache((requestBase: string) => tenantBaseUrl(db, () => requestBase));

/** "https://planer.roros.kommune.no", without a trailing slash: the tenant's host, never another's. */
export const appBaseUrl = (headers: Headers): Promise<string> => baseOf(requestBaseUrl(headers));
