"use client";

import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { VariableNode } from "./variable-node";
import { VariablePicker, type PickerVariable } from "./variable-picker";

/**
 * The template body editor (Tiptap): bold, italic, underline, link, lists, headings, and variables as
 * chips through the picker. Its HTML goes into a hidden input `name`, for the form to send; the server
 * sanitises it anyway.
 */
export function RichTextEditor({
  name,
  initialHtml,
  variables,
  labelFor,
  labelledBy,
  describedBy,
  invalid,
}: {
  name: string;
  initialHtml: string;
  variables: PickerVariable[];
  labelFor: (key: string) => string;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
}) {
  const t = useTranslations("templates.editor");
  const [html, setHtml] = useState(initialHtml);
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        codeBlock: false,
        code: false,
        link: { openOnClick: false, autolink: true, protocols: ["mailto", "tel"], defaultProtocol: "https" },
      }),
      VariableNode.configure({ label: labelFor }),
    ],
    content: initialHtml,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class:
          "template-body min-h-48 px-3 py-2 text-sm focus:outline-none [&_a]:text-brand-700 [&_a]:underline [&_h2]:mt-2 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-2 [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-6",
      },
    },
    onUpdate: ({ editor }) => setHtml(editor.getHTML()),
  });

  return (
    <div className={cn("rounded-md border bg-white shadow-xs focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30", invalid ? "border-red-500" : "border-slate-300")}>
      <input type="hidden" name={name} value={html} />
      {editor ? <Toolbar editor={editor} variables={variables} labelFor={labelFor} /> : <div className="h-11 border-b border-slate-200" aria-hidden />}
      {editor ? <EditorContent editor={editor} /> : <div className="min-h-48 px-3 py-2 text-sm text-slate-500">{t("loading")}</div>}
    </div>
  );
}

function Toolbar({ editor, variables, labelFor }: { editor: Editor; variables: PickerVariable[]; labelFor: (key: string) => string }) {
  const t = useTranslations("templates.editor");
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      link: e.isActive("link"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      href: (e.getAttributes("link").href as string | undefined) ?? "",
    }),
  });
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState("");
  const chain = () => editor.chain().focus();
  const applyLink = () => {
    const url = href.trim();
    if (url === "") chain().extendMarkRange("link").unsetLink().run();
    else chain().extendMarkRange("link").setLink({ href: /^(https?:|mailto:|tel:)/i.test(url) ? url : `https://${url}` }).run();
    setLinking(false);
  };
  return (
    <div className="border-b border-slate-200">
      <div role="toolbar" aria-label={t("toolbar")} className="flex flex-wrap items-center gap-1 p-1.5">
        <ToolButton label={t("bold")} shortcut="Ctrl+B" active={state.bold} onClick={() => chain().toggleBold().run()}>
          <b>B</b>
        </ToolButton>
        <ToolButton label={t("italic")} shortcut="Ctrl+I" active={state.italic} onClick={() => chain().toggleItalic().run()}>
          <i className="font-serif">I</i>
        </ToolButton>
        <ToolButton label={t("underline")} shortcut="Ctrl+U" active={state.underline} onClick={() => chain().toggleUnderline().run()}>
          <u>U</u>
        </ToolButton>
        <ToolButton
          label={t("link")}
          active={state.link}
          onClick={() => {
            setHref(state.href);
            setLinking((l) => !l);
          }}
        >
          <svg aria-hidden className="size-4" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
            <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-.9.9M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l.9-.9" />
          </svg>
        </ToolButton>
        <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
        <ToolButton label={t("heading2")} active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
          H2
        </ToolButton>
        <ToolButton label={t("heading3")} active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
          H3
        </ToolButton>
        <ToolButton label={t("bulletList")} active={state.bulletList} onClick={() => chain().toggleBulletList().run()}>
          <svg aria-hidden className="size-4" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
            <path d="M8 5.5h9M8 10h9M8 14.5h9" />
            <circle cx="4" cy="5.5" r="1" fill="currentColor" />
            <circle cx="4" cy="10" r="1" fill="currentColor" />
            <circle cx="4" cy="14.5" r="1" fill="currentColor" />
          </svg>
        </ToolButton>
        <ToolButton label={t("orderedList")} active={state.orderedList} onClick={() => chain().toggleOrderedList().run()}>
          <svg aria-hidden className="size-4" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
            <path d="M8 5.5h9M8 10h9M8 14.5h9M3.5 4.5 4.5 4v3M3 14h2l-2 2.2h2" />
          </svg>
        </ToolButton>
        <span className="ml-auto">
          <VariablePicker variables={variables} labelFor={labelFor} onPick={(key) => chain().insertVariable(key).run()} />
        </span>
      </div>
      {linking && (
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 px-2 py-1.5">
          <label className="text-xs font-medium text-slate-700" htmlFor="template-link-href">
            {t("linkAddress")}
          </label>
          <input
            id="template-link-href"
            autoFocus
            type="url"
            value={href}
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                applyLink();
              } else if (e.key === "Escape") {
                e.preventDefault();
                setLinking(false);
                editor.commands.focus();
              }
            }}
            placeholder="https://"
            className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 px-2 text-sm focus:border-brand-500 focus:outline-none"
          />
          <button type="button" className="h-8 rounded-md bg-brand-600 px-3 text-xs font-medium text-white hover:bg-brand-700" onClick={applyLink}>
            {t("linkApply")}
          </button>
          {state.link && (
            <button
              type="button"
              className="h-8 rounded-md px-3 text-xs font-medium text-slate-700 hover:bg-slate-100"
              onClick={() => {
                chain().extendMarkRange("link").unsetLink().run();
                setLinking(false);
              }}
            >
              {t("linkRemove")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function ToolButton({ label, shortcut, active, onClick, children }: { label: string; shortcut?: string; active: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={active}
      title={shortcut ? `${label} (${shortcut})` : label}
      onClick={onClick}
      className={cn(
        "inline-flex h-8 min-w-8 items-center justify-center rounded px-2 text-sm focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
        active ? "bg-brand-100 text-brand-900" : "text-slate-700 hover:bg-slate-100",
      )}
    >
      {/* The glyph (B, H2, 1.) is decoration; the name is the label. */}
      <span aria-hidden>{children}</span>
    </button>
  );
}
