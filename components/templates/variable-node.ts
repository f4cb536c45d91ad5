import { mergeAttributes, Node } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    variable: {
      /** Inserts a variable chip at the selection. */
      insertVariable: (key: string) => ReturnType;
    };
  }
}

export type VariableNodeOptions = { label: (key: string) => string };

/**
 * A template variable in the editor: an inline atom shown as a chip with its label (e.g. "Card name"),
 * stored as `<span data-variable="card.name">{{card.name}}</span>` — the `{{…}}` text is what the
 * renderer fills; the span lets the editor read it back as a chip.
 */
export const VariableNode = Node.create<VariableNodeOptions>({
  name: "variable",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { label: (key: string) => key };
  },

  addAttributes() {
    return {
      key: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-variable") ?? "",
        renderHTML: (attributes) => ({ "data-variable": attributes.key as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-variable]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes), `{{${node.attrs.key as string}}}`];
  },

  renderText({ node }) {
    return `{{${node.attrs.key as string}}}`;
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("span");
      const key = node.attrs.key as string;
      dom.dataset.variable = key;
      dom.className = "variable-chip mx-0.5 inline-flex items-center rounded-full border border-brand-200 bg-brand-50 px-2 py-px align-baseline text-xs font-medium text-brand-800";
      dom.contentEditable = "false";
      dom.textContent = this.options.label(key);
      dom.title = `{{${key}}}`;
      return { dom };
    };
  },

  addCommands() {
    return {
      insertVariable:
        (key) =>
        ({ commands }) =>
          commands.insertContent([{ type: this.name, attrs: { key } }, { type: "text", text: " " }]),
    };
  },
});
