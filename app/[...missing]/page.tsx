import { notFound } from "next/navigation";

/** Any path no route answers: a 404 in this segment, so that its layout can give a signed-in user the app's shell. */
export default function MissingPage(): never {
  notFound();
}
