import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/login/actions";
import { GlobalSearch } from "@/components/search/global-search";
import { can, type Actor } from "@/lib/auth/permissions";
import { LanguageSwitch } from "./language-switch";
import { NavMenu } from "./nav-menu";
import { NavigationMain } from "./navigation-feedback";
import { PrimaryNav } from "./primary-nav";
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

  const moduleItems = modules.map((m) => ({ href: `/modules/${m.id}`, label: m.name }));
  const linkItems = links.map(({ href, label }) => ({ href, label }));

  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 print:hidden border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
          <Link href="/" className="flex min-w-0 shrink-0 items-center gap-2 font-semibold text-slate-900">
            <span className="grid size-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white" aria-hidden>
              CRM
            </span>
            {/* Where there is no room to show it, the name stays for screen readers: the link needs one at every width. */}
            <span className="sr-only max-w-48 truncate sm:not-sr-only md:sr-only xl:not-sr-only">{organisationName}</span>
          </Link>
          <PrimaryNav
            label={t("nav.main")}
            modules={moduleItems}
            links={linkItems}
            noModules={t("nav.noModules")}
            moreLabel={t("nav.more")}
            modulesLabel={t("nav.modules")}
          />
          <div className="ml-auto flex items-center gap-3">
            <GlobalSearch />
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
                {/* Everyone keeps views, so everyone has a trash (their own views, at least). */}
                {can(actor, "cards.view") && (
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
            <nav aria-label={t("nav.main")} className="md:hidden">
              <NavMenu
                label={t("nav.openMenu")}
                icon={
                  <svg className="size-5" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
                    <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
                  </svg>
                }
                groups={[
                  { label: t("nav.modules"), items: moduleItems, empty: t("nav.noModules") },
                  { label: null, items: linkItems },
                ]}
              />
            </nav>
          </div>
        </div>
      </header>
      <NavigationMain className="mx-auto max-w-7xl px-4 py-6 sm:py-8">{children}</NavigationMain>
    </div>
  );
}
