"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useLive } from "./live-provider";

/** A small notice while the live connection is down (after a short grace period, so page loads don't flash it). */
export function LiveStatus() {
  const t = useTranslations("common.live");
  const { socket, connected } = useLive();
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (connected || !socket) {
      const hide = setTimeout(() => setShow(false), 0);
      return () => clearTimeout(hide);
    }
    const timer = setTimeout(() => setShow(true), 2000);
    return () => clearTimeout(timer);
  }, [connected, socket]);
  if (!show) return null;
  return (
    <div role="status" className="fixed bottom-4 left-1/2 z-50 -translate-x-1/2 rounded-full bg-amber-100 px-4 py-2 text-sm text-amber-900 shadow">
      <span className="mr-2 inline-block size-2 animate-pulse rounded-full bg-amber-500" aria-hidden />
      {t("offline")}
    </div>
  );
}
