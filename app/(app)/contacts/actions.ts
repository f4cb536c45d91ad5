"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { createContact, createContactSchema } from "@/lib/contacts/create-contact";
import { findDuplicateContacts, findDuplicateContactsSchema } from "@/lib/contacts/find-duplicate-contacts";
import { listContacts, listContactsSchema } from "@/lib/contacts/list-contacts";
import { restoreContact } from "@/lib/contacts/restore-contact";
import { contactIdInputSchema, trashContact } from "@/lib/contacts/trash-contact";
import { updateContact, updateContactSchema } from "@/lib/contacts/update-contact";
import { announceContactChange } from "@/lib/realtime/announce";

const revalidate = (contactId: string) => {
  revalidatePath("/contacts");
  revalidatePath(`/contacts/${contactId}`);
  revalidatePath("/trash"); // trashed and restored contacts are listed there
};

export const createContactAction = authedAction({ schema: createContactSchema, permission: "contacts.update" }, async (ctx, input) => {
  const result = await createContact(ctx, input);
  revalidate(result.contactId);
  if (result.companyId) revalidatePath(`/contacts/${result.companyId}`);
  return result;
});

export const updateContactAction = authedAction({ schema: updateContactSchema, permission: "contacts.update" }, async (ctx, input) => {
  const result = await updateContact(ctx, input);
  await announceContactChange(ctx.db, result.contactId);
  revalidate(result.contactId);
  return result;
});

export const trashContactAction = authedAction({ schema: contactIdInputSchema, permission: "contacts.trash" }, async (ctx, input) => {
  const result = await trashContact(ctx, input);
  await announceContactChange(ctx.db, result.contactId);
  revalidate(result.contactId);
  return result;
});

export const restoreContactAction = authedAction({ schema: contactIdInputSchema, permission: "trash.restore" }, async (ctx, input) => {
  const result = await restoreContact(ctx, input);
  await announceContactChange(ctx.db, result.contactId);
  revalidate(result.contactId);
  return result;
});

/** One more page of the contacts list ("Load more"). */
export const loadContactsAction = authedAction({ schema: listContactsSchema, permission: "contacts.view" }, (ctx, input) =>
  listContacts(ctx, input),
);

const searchContactsSchema = listContactsSchema.pick({ q: true, kind: true });

/** The contact picker's search-as-you-type: at most 10 matches. */
export const searchContactsAction = authedAction({ schema: searchContactsSchema, permission: "contacts.view" }, async (ctx, input) => {
  const page = await listContacts(ctx, { ...input, limit: 10 });
  return page.items;
});

/** Before creating: the existing contacts with the same email or tax number (the create verb checks again). */
export const findDuplicateContactsAction = authedAction({ schema: findDuplicateContactsSchema, permission: "contacts.view" }, (ctx, input) =>
  findDuplicateContacts(ctx, input),
);
