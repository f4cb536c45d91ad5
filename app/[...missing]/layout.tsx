import { SignedInShell } from "@/components/shell/signed-in-shell";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** An unknown path: a signed-in user keeps the shell (navigation, user menu); anyone else gets the plain page. */
export default async function MissingLayout({ children }: { children: React.ReactNode }) {
  const actor = await getCurrentUser();
  return actor ? <SignedInShell actor={actor}>{children}</SignedInShell> : children;
}
