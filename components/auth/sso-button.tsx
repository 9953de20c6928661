"use client";
import { signIn } from "next-auth/react";

/** Starts single sign-on through next-auth's OIDC provider. */
export function SsoButton({ providerId, label, callbackUrl }: { providerId: string; label: string; callbackUrl: string }) {
  return (
    <button type="button" onClick={() => void signIn(providerId, { callbackUrl })} className="ds-button" data-variant="secondary">
      {label}
    </button>
  );
}
