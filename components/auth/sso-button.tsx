"use client";
import { signIn } from "next-auth/react";

/** Starts single sign-on through next-auth's OIDC provider. */
export function SsoButton({ providerId, label, callbackUrl }: { providerId: string; label: string; callbackUrl: string }) {
  return (
    <button type="button" onClick={() => void signIn(providerId, { callbackUrl })} className="rounded border border-brand-700 bg-white px-4 py-2 font-medium text-brand-700 hover:bg-gray-100">
      {label}
    </button>
  );
}
