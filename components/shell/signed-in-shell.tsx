import { getTranslations } from "next-intl/server";
import { LiveProvider } from "@/components/live/live-provider";
import { LiveStatus } from "@/components/live/live-status";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { systemClock } from "@/lib/clock";
import { listActiveModules } from "@/lib/modules/list-modules";
import { getOrganisation } from "@/lib/org/organisation";
import { getProfile } from "@/lib/profile/get-profile";
import { avatarVersion } from "@/lib/profile/rules";
import { AppShell } from "./app-shell";
import { NavigationFeedback } from "./navigation-feedback";

/** The signed-in user's frame (header, navigation, live connection): the app's pages and its 404 share it. */
export async function SignedInShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
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
