import { describe, expect, it } from "vitest";
import { DIVIDER, fitNav } from "./fit-nav";

const links = [80, 80, 80, 80]; // My todos, Contacts, Reports, Settings
const more = 70;
const row = (modules: number[], shownModules: number, shownLinks: number, withMore: boolean) => {
  const widths = [...modules.slice(0, shownModules), ...links.slice(0, shownLinks), ...(withMore ? [more] : [])];
  const divider = shownModules > 0 && shownLinks > 0 ? DIVIDER + 4 : 0;
  return widths.reduce((a, b) => a + b, 0) + (widths.length - 1) * 4 + divider;
};

describe("fitNav", () => {
  it("shows everything, without More, when it all fits", () => {
    const modules = [100, 120];
    expect(fitNav(row(modules, 2, 4, false), modules, links, more, DIVIDER)).toEqual({ modules: 2, links: 4 });
  });

  it("moves the last modules into More first, keeping the app's own links", () => {
    const modules = [190, 190, 190, 190, 190, 190, 190, 190]; // eight long names
    const width = row(modules, 3, 4, true);
    expect(fitNav(width, modules, links, more, DIVIDER)).toEqual({ modules: 3, links: 4 });
    expect(fitNav(width - 1, modules, links, more, DIVIDER)).toEqual({ modules: 2, links: 4 });
  });

  it("then the links from the end, when not even one module fits", () => {
    const modules = [190];
    expect(fitNav(row(modules, 0, 2, true), modules, links, more, DIVIDER)).toEqual({ modules: 0, links: 2 });
    expect(fitNav(10, modules, links, more, DIVIDER)).toEqual({ modules: 0, links: 0 });
  });
});
