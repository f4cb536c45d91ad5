import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listActiveModules } from "@/lib/modules/list-modules";

/**
 * Answers an unknown or archived module with a real 404 before `loading.tsx`'s skeleton starts the
 * stream (a streamed response is already a 200). The navigation's module list, once per request.
 */
export default async function ModuleLayout({ params, children }: { params: Promise<{ moduleId: string }>; children: React.ReactNode }) {
  const { moduleId } = await params;
  if (!z.uuid().safeParse(moduleId).success) notFound();
  const modules = await listActiveModules(await getDb());
  if (!modules.some((m) => m.id === moduleId)) notFound();
  return children;
}
