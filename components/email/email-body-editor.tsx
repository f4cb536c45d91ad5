"use client";

import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";
import { VariableNode } from "@/components/templates/variable-node";
import { cn } from "@/components/ui/cn";

/**
 * The compose dialog's body editor (Tiptap): bold, italic, lists, and a template's variables as the
 * same chips the template editor shows (components/templates/variable-node.ts). `value` replaces the
 * content when it changes from outside (a template was chosen).
 */
export function EmailBodyEditor({
  id,
  value,
  onChange,
  labelledBy,
  invalid,
  labelFor,
}: {
  id: string;
  value: string;
  onChange: (html: string) => void;
  labelledBy: string;
  invalid?: boolean;
  labelFor: (key: string) => string;
}) {
  const t = useTranslations("email.compose");
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false }, codeBlock: false, code: false }),
      // Made once, after the dialog loaded the module's variables (their labels are known by then).
      VariableNode.configure({ label: labelFor }),
    ],
    content: value,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: "prose-sm min-h-40 max-h-80 overflow-y-auto px-3 py-2 text-sm focus:outline-none [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 [&_p]:my-1",
      },
    },
    onUpdate: ({ editor }) => onChange(editor.getHTML()),
  });
  useEffect(() => {
    if (editor && !editor.isDestroyed && value !== editor.getHTML()) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  const active = useEditorState({
    editor,
    selector: ({ editor }) => ({
      bold: editor?.isActive("bold") ?? false,
      italic: editor?.isActive("italic") ?? false,
      bulletList: editor?.isActive("bulletList") ?? false,
      orderedList: editor?.isActive("orderedList") ?? false,
    }),
  });

  const tool = (name: keyof NonNullable<typeof active>, label: string, run: () => void, glyph: ReactNode) => (
    <button
      type="button"
      aria-label={label}
      aria-pressed={active?.[name] ?? false}
      onClick={run}
      disabled={!editor}
      className={cn("grid size-8 place-items-center rounded text-sm text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none", active?.[name] && "bg-slate-200 text-slate-900")}
    >
      <svg className="size-4" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" aria-hidden>
        {glyph}
      </svg>
    </button>
  );

  return (
    <div className={cn("rounded-md border bg-white shadow-xs focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30", invalid ? "border-red-500" : "border-slate-300")}>
      <div role="toolbar" aria-label={t("toolbar")} className="flex gap-1 border-b border-slate-200 px-1 py-1">
        {tool("bold", t("bold"), () => editor?.chain().focus().toggleBold().run(), <path d="M6 4h5a3 3 0 0 1 0 6H6V4Zm0 6h6a3 3 0 0 1 0 6H6v-6Z" />)}
        {tool("italic", t("italic"), () => editor?.chain().focus().toggleItalic().run(), <path d="M12 4H8m4 12H8m3-12-2 12" />)}
        {tool("bulletList", t("bulletList"), () => editor?.chain().focus().toggleBulletList().run(), <path d="M8 5h9M8 10h9M8 15h9M3.5 5h.01M3.5 10h.01M3.5 15h.01" />)}
        {tool("orderedList", t("orderedList"), () => editor?.chain().focus().toggleOrderedList().run(), <path d="M8 5h9M8 10h9M8 15h9M3 4l1-1v4M3 12.5a1 1 0 1 1 1.6.8L3 15h2" />)}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
