"use client";
// The account page's calendar link: create or renew it (the new link is shown once, here) and
// turn it off. Both forms work without JavaScript; with it, the last one used speaks.
import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { renewCalendarLinkAction, revokeCalendarLinkAction } from "@/lib/calendar/actions";
import { SubmitButton } from "@/components/ui/form";
import { SecretLink } from "@/components/ui/secret-link";

/** `status` says whether a link exists (rendered by the page); `hasLink` picks the buttons. */
export function CalendarLinkForms({ hasLink, status }: { hasLink: boolean; status: ReactNode }) {
  const t = useTranslations("calendar");
  const [renewState, renew] = useActionState(renewCalendarLinkAction, null);
  const [revokeState, revoke] = useActionState(revokeCalendarLinkAction, null);
  const [last, setLast] = useState<"renew" | "revoke" | null>(null);
  const state = last === "revoke" ? revokeState : last === "renew" ? renewState : (renewState ?? revokeState);
  // The page re-renders after each action: a link shown before "turn off" must not linger.
  const url = hasLink && state === renewState && renewState?.ok ? renewState.data.url : undefined;
  return (
    <div>
      {status}
      <div role="status">
        {state?.ok && state.message ? <p className="ds-alert my-3" data-color="success">{state.message}</p> : null}
      </div>
      {state && !state.ok && state.formError ? <p role="alert" className="ds-alert my-3" data-color="danger">{state.formError}</p> : null}
      {url ? <SecretLink id="calendar-link" label={t("linkLabel")} url={url} note={t("onceNote")} /> : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <form action={renew} onSubmit={() => setLast("renew")}>
          <SubmitButton variant={hasLink ? "secondary" : "primary"} pendingLabel={t("pending")}>{hasLink ? t("renew") : t("create")}</SubmitButton>
        </form>
        {hasLink ? (
          <form action={revoke} onSubmit={() => setLast("revoke")}>
            <SubmitButton variant="danger" pendingLabel={t("pending")}>{t("revoke")}</SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
