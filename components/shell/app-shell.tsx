import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/login/actions";
import { can, type Actor } from "@/lib/auth/permissions";
import { LanguageSwitch } from "./language-switch";
import { NavLink } from "./nav-link";
import { UserAvatar } from "./user-avatar";

export async function AppShell({
  actor,
  organisationName,
  avatarVersion,
  modules,
  children,
}: {
  actor: Actor;
  organisationName: string;
  /** The version of the actor's profile picture, or null when they have none. */
  avatarVersion: string | null;
  /** The active modules, in navigation order (lib/modules/list-modules.ts). */
  modules: { id: string; name: string }[];
  children: React.ReactNode;
}) {
  const [t, tTrash] = await Promise.all([getTranslations("common"), getTranslations("card.trash")]);
  const links = [
    { href: "/todos", label: t("nav.myTodos"), show: can(actor, "todos.view") },
    { href: "/contacts", label: t("nav.contacts"), show: can(actor, "contacts.view") },
    { href: "/reports", label: t("nav.reports"), show: can(actor, "reports.view") },
    { href: "/settings", label: t("nav.settings"), show: can(actor, "settings.view") },
  ].filter((l) => l.show);
  const fullName = `${actor.lastName} ${actor.firstName}`.trim() || actor.email;

  const moduleItems =
    modules.length > 0 ? (
      modules.map((m) => (
        <li key={m.id}>
          <NavLink href={`/modules/${m.id}`}>{m.name}</NavLink>
        </li>
      ))
    ) : (
      <li className="px-3 py-2 text-sm text-slate-500 italic">{t("nav.noModules")}</li>
    );

  const linkItems = links.map((l) => (
    <li key={l.href}>
      <NavLink href={l.href}>{l.label}</NavLink>
    </li>
  ));

  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
          <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <span className="grid size-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white" aria-hidden>
              CRM
            </span>
            <span className="hidden sm:inline">{organisationName}</span>
          </Link>
          <nav aria-label={t("nav.main")} className="hidden flex-1 md:block">
            <ul className="flex items-center gap-1">
              {moduleItems}
              <li className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
              {linkItems}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <LanguageSwitch className="hidden sm:inline-flex" />
            <details className="relative">
              <summary
                aria-label={t("nav.userMenu")}
                className="flex cursor-pointer list-none items-center gap-2 rounded-full p-0.5 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
              >
                <UserAvatar userId={actor.id} name={fullName} hasAvatar={avatarVersion !== null} version={avatarVersion ?? undefined} decorative />
              </summary>
              <div className="absolute right-0 mt-2 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
                <div className="border-b border-slate-100 px-3 py-2">
                  <p className="truncate text-sm font-medium">{fullName}</p>
                  <p className="truncate text-xs text-slate-500">{actor.email}</p>
                  <p className="mt-0.5 text-xs text-slate-500">{t(`roles.${actor.role}`)}</p>
                </div>
                <Link href="/profile" className="block px-3 py-2 text-sm hover:bg-slate-50">
                  {t("nav.profile")}
                </Link>
                {can(actor, "trash.view") && (
                  <Link href="/trash" className="block px-3 py-2 text-sm hover:bg-slate-50">
                    {tTrash("nav")}
                  </Link>
                )}
                <form action={signOutAction}>
                  <button type="submit" className="block w-full px-3 py-2 text-left text-sm hover:bg-slate-50">
                    {t("nav.signOut")}
                  </button>
                </form>
                <div className="border-t border-slate-100 px-3 py-2 sm:hidden">
                  <LanguageSwitch />
                </div>
              </div>
            </details>
            <details className="relative md:hidden">
              <summary aria-label={t("nav.openMenu")} className="cursor-pointer list-none rounded-md p-2 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
                <svg className="size-5" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
                  <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
                </svg>
              </summary>
              <nav aria-label={t("nav.main")} className="absolute right-0 mt-2 w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
                <ul className="space-y-1">
                  <li className="px-3 pt-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("nav.modules")}</li>
                  {moduleItems}
                  <li className="my-1 h-px bg-slate-100" aria-hidden />
                  {linkItems}
                </ul>
              </nav>
            </details>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </div>
  );
}
