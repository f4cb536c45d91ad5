import { AppShell } from "@/components/shell/app-shell";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { getOrganisation } from "@/lib/org/organisation";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser();
  const org = await getOrganisation(await getDb());
  return (
    <AppShell actor={actor} organisationName={org?.name ?? ""}>
      {children}
    </AppShell>
  );
}
