import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/shell/nav-link";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

/** The settings sub-navigation. Each page checks the permission itself too: layouts render in parallel with pages. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePermission("settings.view");
  const t = await getTranslations("settings.nav");
  const modules = await getTranslations("modules");
  const outbox = await getTranslations("outbox");
  const bulk = await getTranslations("bulk-email.suppressions");
  const exports = await getTranslations("exports");
  const reports = await getTranslations("reports.settings");
  return (
    <div className="grid gap-8 md:grid-cols-[11rem_minmax(0,1fr)]">
      <nav aria-label={t("label")}>
        <p className="mb-2 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase" aria-hidden>
          {t("label")}
        </p>
        <ul className="flex flex-wrap gap-1 md:flex-col">
          <li>
            <NavLink href="/settings/users">{t("users")}</NavLink>
          </li>
          <li>
            <NavLink href="/settings/groups">{t("groups")}</NavLink>
          </li>
          <li>
            <NavLink href="/settings/modules">{modules("settingsNav")}</NavLink>
          </li>
          {can(actor, "email.admin") && (
            <>
              <li>
                <NavLink href="/settings/outbox">{outbox("nav")}</NavLink>
              </li>
              <li>
                <NavLink href="/settings/suppressions">{bulk("nav")}</NavLink>
              </li>
            </>
          )}
          {can(actor, "reports.configure") && (
            <li>
              <NavLink href="/settings/reports">{reports("nav")}</NavLink>
            </li>
          )}
          {can(actor, "exports.run") && (
            <li>
              <NavLink href="/settings/export">{exports("nav")}</NavLink>
            </li>
          )}
        </ul>
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
