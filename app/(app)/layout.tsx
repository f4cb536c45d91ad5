import { SignedInShell } from "@/components/shell/signed-in-shell";
import { requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser();
  return <SignedInShell actor={actor}>{children}</SignedInShell>;
}
