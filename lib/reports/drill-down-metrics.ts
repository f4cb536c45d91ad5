/** The numbers of a report that open the list of cards behind them (lib/reports/drill-down.ts). */
export const drillMetrics = [
  "created",
  "statusChanges",
  "won",
  "lost",
  "todosOnTime",
  "todosLate",
  "emailsByHand",
  "emailsByAutomation",
  "automationSteps",
] as const;
export type DrillMetric = (typeof drillMetrics)[number];
