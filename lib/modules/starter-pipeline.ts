import type { StatusGroup } from "@/db/schema";
import type { Locale } from "@/lib/org/organisation";

export type StarterStatus = { name: string; group: StatusGroup; color: string };

const colors = { blue: "#2563eb", violet: "#7c3aed", amber: "#d97706", green: "#16a34a", red: "#dc2626" };

/**
 * The pipeline a new module starts with, so that it is usable at once: three open steps, named after
 * what is to be done, then the two outcomes. Named in the organisation's default language, since
 * the whole team sees these names.
 */
const starterPipelines: Record<Locale, StarterStatus[]> = {
  en: [
    { name: "New lead", group: "open", color: colors.blue },
    { name: "Contacted", group: "open", color: colors.violet },
    { name: "Offer sent", group: "open", color: colors.amber },
    { name: "Won", group: "won", color: colors.green },
    { name: "Lost", group: "lost", color: colors.red },
  ],
  hu: [
    { name: "Új érdeklődő", group: "open", color: colors.blue },
    { name: "Felvettük a kapcsolatot", group: "open", color: colors.violet },
    { name: "Ajánlat elküldve", group: "open", color: colors.amber },
    { name: "Megnyert", group: "won", color: colors.green },
    { name: "Elvesztett", group: "lost", color: colors.red },
  ],
};

export function starterPipeline(locale: Locale): StarterStatus[] {
  return starterPipelines[locale];
}

/** Colours offered for new statuses, in turn, so neighbours differ. */
export const statusPalette = ["#2563eb", "#7c3aed", "#d97706", "#0891b2", "#db2777", "#65a30d", "#16a34a", "#dc2626", "#64748b"];
