"use client";
// The forms on a user's admin page: role, active state, password reset.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeRoleAction, deactivateUserAction, reactivateUserAction, resetPasswordAction } from "@/lib/users/actions";
import { FormMessage, SelectField, SubmitButton, fieldErrors } from "@/components/ui/form";
import { PasswordLink } from "./password-link";
import { roles, type Role } from "@/lib/permissions";

export function RoleForm({ userId, role }: { userId: number; role: Role }) {
  const t = useTranslations("users.detail");
  const tRole = useTranslations("enums.role");
  const [state, action] = useActionState(changeRoleAction, null);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <SelectField name="role" label={t("role")} defaultValue={role} options={roles.map((r) => ({ value: r, label: tRole(r) }))} errors={fieldErrors(state, "role")} />
      <SubmitButton>{t("saveRole")}</SubmitButton>
    </form>
  );
}

export function ActiveForm({ userId, active }: { userId: number; active: boolean }) {
  const t = useTranslations("users.detail");
  const [state, action] = useActionState(active ? deactivateUserAction : reactivateUserAction, null);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      {active ? (
        <div className="mb-3">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="confirm" value="yes" className="h-4 w-4" aria-invalid={fieldErrors(state, "confirm") ? true : undefined} aria-describedby={fieldErrors(state, "confirm") ? "confirm-error" : undefined} />
            {t("confirmDeactivate")}
          </label>
          {fieldErrors(state, "confirm") ? <p id="confirm-error" className="ds-validation-message mt-1">{fieldErrors(state, "confirm")![0]}</p> : null}
        </div>
      ) : null}
      <SubmitButton variant={active ? "danger" : "primary"}>{active ? t("deactivate") : t("reactivate")}</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ userId, linkHours }: { userId: number; linkHours: number }) {
  const t = useTranslations("users.detail");
  const [state, action] = useActionState(resetPasswordAction, null);
  return (
    <form action={action}>
      <FormMessage state={state} />
      {state?.ok ? <PasswordLink result={state.data} hours={linkHours} /> : null}
      <p className="mb-3 text-gray-700">{t("resetHint")}</p>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary">{t("resetPassword")}</SubmitButton>
    </form>
  );
}
