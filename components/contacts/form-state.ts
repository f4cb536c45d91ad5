import type { FormState } from "@/components/ui/form";
import type { DuplicateContact } from "@/lib/contacts/find-duplicate-contacts";

/** Zod reports list items as "emails.2"; the form has one "emails" box, so the error goes there. */
export function withListFieldErrors(state: FormState): FormState {
  if (!state || state.ok || !state.fields) return state;
  const fields: Record<string, string> = {};
  for (const [key, code] of Object.entries(state.fields)) fields[key.split(".")[0]] ??= code;
  return { ...state, fields };
}

/** The existing contacts a "contact_duplicate" refusal carries, else null. */
export function duplicatesOf(state: FormState): DuplicateContact[] | null {
  if (!state || state.ok || state.error !== "contact_duplicate") return null;
  const duplicates = state.details?.duplicates;
  return Array.isArray(duplicates) && duplicates.length > 0 ? (duplicates as DuplicateContact[]) : null;
}

/** A tel: link target: digits and a leading +. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
