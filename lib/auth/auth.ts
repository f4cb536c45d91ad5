import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { systemClock } from "@/lib/clock";
import { authLogger, refusedLoginLine } from "@/lib/security/login-log";
import { authenticate } from "./authenticate";

/** Auth.js carries `code` to the login form; "throttled-<seconds>" or "invalid". */
class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/login" },
  // A refused login is an expected answer, not a server error worth a stack trace: one line, from authorize.
  logger: authLogger,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = String(credentials.email ?? "");
        const ip = request.headers.get("x-crm-client-ip");
        const result = await authenticate(await getDb(), { email, password: String(credentials.password ?? ""), ip, now: systemClock.now() });
        if (!result.ok) {
          console.warn(refusedLoginLine({ email, ip, code: result.code }));
          throw new LoginRefused(result.code);
        }
        return { id: result.user.id, email: result.user.email, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string, sv: token.sv as number };
    },
  },
});
