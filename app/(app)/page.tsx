import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/** Home: the dashboard for those who lead a team (SPEC §12), My todos for everyone else. */
export default async function Home() {
  const actor = await requireUser();
  redirect(can(actor, "reports.view") ? "/dashboard" : "/todos");
}
