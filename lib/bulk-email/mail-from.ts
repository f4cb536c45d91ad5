/** The From name of a bulk email: the sender's name (the address is MAIL_FROM's; replies go to the sender). */
export function mailFromName(sender: { firstName: string; lastName: string; email: string } | undefined): string {
  if (!sender) return "";
  return `${sender.lastName} ${sender.firstName}`.trim() || sender.email;
}
