const GAP = 4; // gap-1 between the row's items
export const DIVIDER = 9; // the line between modules and links: w-px and mx-1

/** How many modules and links fit in `width`; modules give way first, then links from the end, into "More". */
export function fitNav(width: number, modules: number[], links: number[], more: number, divider: number): { modules: number; links: number } {
  const sum = (xs: number[], n: number) => xs.slice(0, n).reduce((a, b) => a + b, 0);
  const total = (m: number, l: number, withMore: boolean) => {
    const widths = [sum(modules, m), m > 0 && l > 0 ? divider : 0, sum(links, l), withMore ? more : 0];
    const count = m + l + (m > 0 && l > 0 ? 1 : 0) + (withMore ? 1 : 0);
    return widths.reduce((a, b) => a + b, 0) + Math.max(0, count - 1) * GAP;
  };
  if (total(modules.length, links.length, false) <= width) return { modules: modules.length, links: links.length };
  for (let m = modules.length - 1; m >= 0; m--) if (total(m, links.length, true) <= width) return { modules: m, links: links.length };
  for (let l = links.length - 1; l >= 0; l--) if (total(0, l, true) <= width) return { modules: 0, links: l };
  return { modules: 0, links: 0 };
}
