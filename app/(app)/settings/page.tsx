import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";

export default async function SettingsPage() {
  await requirePermission("settings.view");
  redirect("/settings/users");
}
