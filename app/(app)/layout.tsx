import { getTranslations } from "next-intl/server";
import { LiveProvider } from "@/components/live/live-provider";
import { LiveStatus } from "@/components/live/live-status";
import { AppShell } from "@/components/shell/app-shell";
import { NavigationFeedback } from "@/components/shell/navigation-feedback";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { listActiveModules } from "@/lib/modules/list-modules";
import { getOrganisation } from "@/lib/org/organisation";
import { getProfile } from "@/lib/profile/get-profile";
import { avatarVersion } from "@/lib/profile/rules";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser();
  const db = await getDb();
  const [org, profile, modules, t] = await Promise.all([
    getOrganisation(db),
    getProfile({ actor, db, now: systemClock.now() }, { userId: actor.id }),
    listActiveModules(db),
    getTranslations("common"),
  ]);
  return (
    <LiveProvider>
      <NavigationFeedback label={t("loading.page")}>
        <AppShell actor={actor} organisationName={org?.name ?? ""} avatarVersion={profile.avatar ? avatarVersion(profile.avatar.updatedAt) : null} modules={modules}>
          {children}
        </AppShell>
      </NavigationFeedback>
      <LiveStatus />
    </LiveProvider>
  );
}
