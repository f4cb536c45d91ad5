import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on a free local port (no TLS, any login accepted); every message is parsed
 * back with mailparser. `rejectWith` makes it refuse messages with that SMTP code (e.g. 550, 451).
 */
export async function startSmtpServer() {
  const messages: { envelope: { from: string; to: string[] }; mail: ParsedMail }[] = [];
  const state: { rejectWith: number | null } = { rejectWith: null };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      if (state.rejectWith) {
        stream.resume();
        const error = Object.assign(new Error(`refused for the test (${state.rejectWith})`), { responseCode: state.rejectWith });
        stream.on("end", () => callback(error));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          messages.push({
            envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address) },
            mail,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
