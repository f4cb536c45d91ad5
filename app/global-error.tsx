"use client";

import { autoRetrySeconds, useAutoRetry } from "@/components/shell/use-auto-retry";
import "./globals.css";

/**
 * When even the root layout fails (it reads the user's language and the organisation from the
 * database), there is no language to speak yet: the message comes in both.
 */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useAutoRetry(retry);
  return (
    <html lang="hu">
      <body className="min-h-screen">
        <main role="alert" className="mx-auto max-w-md px-4 py-24 text-center">
          <p className="text-sm font-semibold text-red-600">500</p>
          <h1 className="mt-2 text-2xl font-semibold">Hiba történt</h1>
          <p className="mt-2 text-slate-600">Az oldalt most nem sikerült megjeleníteni. Próbáld újra egy kicsit később; {autoRetrySeconds} másodpercenként magától is újrapróbálja.</p>
          <h2 lang="en" className="mt-6 text-xl font-semibold">
            Something went wrong
          </h2>
          <p lang="en" className="mt-2 text-slate-600">
            This page could not be shown. Try again in a moment; it also tries again by itself every {autoRetrySeconds} seconds.
          </p>
          <button type="button" onClick={retry} className="mt-6 h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
            Újra · <span lang="en">Try again</span>
          </button>
          {error.digest && <p className="mt-6 text-xs text-slate-500">{error.digest}</p>}
        </main>
      </body>
    </html>
  );
}
