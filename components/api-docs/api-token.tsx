"use client";
// The optional personal API token of the reference's "try it" forms: typed once, sent by each
// form's script as the Authorization header. It has no name, so a form sent without JavaScript
// never puts it in a URL.
import { createContext, useContext, useState, type ReactNode } from "react";

const TokenContext = createContext<{ token: string; setToken: (t: string) => void }>({ token: "", setToken: () => {} });

/** Holds the token for the forms inside it. */
export function ApiTokenProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState("");
  return <TokenContext.Provider value={{ token, setToken }}>{children}</TokenContext.Provider>;
}

/** The token the reader typed, trimmed ("" for none). */
export const useApiToken = () => useContext(TokenContext).token.trim();

/** The token's input. */
export function ApiTokenField() {
  const { token, setToken } = useContext(TokenContext);
  return (
    <div className="ds-field max-w-xl">
      <label htmlFor="api-token" className="ds-label">Personal API token (optional)</label>
      <p id="api-token-hint" data-field="description">
        Sent as <code>Authorization: Bearer …</code> with the requests below (needs JavaScript), and kept only
        in this page. Without one, the answers hold the public data. Make one under Min konto → API-nøkler.
      </p>
      <input
        id="api-token"
        type="password"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby="api-token-hint"
        className="ds-input w-full"
      />
    </div>
  );
}
