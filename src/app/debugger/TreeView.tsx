/**
 * An expandable tree of a serialized value (src/engine/debug/serialize.ts): what a target keeps
 * in `private`, a frame's locals, a bio. Objects show their class and id (`Map(3) #4`); a value
 * met twice shows a link to its first appearance (`↻ #4`) instead of a copy, so cycles end.
 */

import { useState } from "react";
import type { TreeNode } from "../../engine/debug/serialize.ts";

/** One-line rendering of a leaf, or the summary of a container. */
export function summary(n: TreeNode): string {
  switch (n.k) {
    case "undefined":
      return "undefined";
    case "null":
      return "null";
    case "bool":
      return String(n.v);
    case "num":
      return n.s ?? String(n.v);
    case "bigint":
      return `${n.v}n`;
    case "str":
      return JSON.stringify(n.v) + (n.len !== undefined ? `… (${n.len} chars)` : "");
    case "sym":
      return n.v;
    case "fn":
      return `ƒ ${n.name}()`;
    case "ref":
      return `↻ ${n.cls} #${n.id}`;
    case "cut":
      return `${n.cls}${n.size !== undefined ? `(${n.size})` : ""} #${n.id} …`;
    case "obj":
      return `${n.cls === "Object" ? "" : `${n.cls} `}{${n.entries.length + (n.more ?? 0)}} #${n.id}`;
    case "arr":
      return `${n.cls}(${n.len}) #${n.id}`;
    case "map":
      return `Map(${n.size}) #${n.id}`;
    case "set":
      return `Set(${n.size}) #${n.id}`;
    case "bytes":
      return `${n.cls}(${n.len}) ${hexHead(n.head, n.len)}`;
    case "err":
      return `${n.cls}: ${n.message}`;
    case "kobj":
      return `${n.cls} ${n.summary} #${n.id}`;
  }
}

function hexHead(head: number[], len: number): string {
  const shown = head
    .slice(0, 16)
    .map((b) => (b >= 0 && b < 256 ? b.toString(16).padStart(2, "0") : String(b)));
  return `[${shown.join(" ")}${len > 16 ? " …" : ""}]`;
}

type Child = { key: string; node: TreeNode; keyNode?: TreeNode };

function children(n: TreeNode): Child[] | null {
  switch (n.k) {
    case "obj":
    case "kobj":
      return n.entries.map(([key, node]) => ({ key, node }));
    case "arr":
      return n.items.map((node, i) => ({ key: String(i), node }));
    case "set":
      return n.items.map((node, i) => ({ key: String(i), node }));
    case "map":
      return n.entries.map(([k, v]) => ({ key: summary(k), node: v, keyNode: k }));
    case "bytes":
      return n.head.length > 16
        ? [
            {
              key: "bytes",
              node: { k: "str", v: n.head.map((b) => b.toString(16).padStart(2, "0")).join(" ") },
            },
          ]
        : null;
    default:
      return null;
  }
}

function moreOf(n: TreeNode): number {
  return "more" in n && typeof n.more === "number" ? n.more : 0;
}

function Row(props: { name: string; node: TreeNode; depth: number; open?: boolean }) {
  const kids = children(props.node);
  const [open, setOpen] = useState(props.open ?? false);
  const cls = `tree-val tree-${props.node.k}`;
  if (!kids || (kids.length === 0 && moreOf(props.node) === 0)) {
    return (
      <li className="tree-row" role="treeitem" aria-level={props.depth + 1}>
        <span className="tree-key">{props.name ? `${props.name}:` : ""}</span>
        <span className={cls}>{summary(props.node)}</span>
      </li>
    );
  }
  return (
    <li className="tree-row" role="treeitem" aria-level={props.depth + 1} aria-expanded={open}>
      <button type="button" className="tree-toggle" onClick={() => setOpen(!open)}>
        <span className="tree-caret" aria-hidden="true">
          {open ? "▾" : "▸"}
        </span>
        <span className="tree-key">{props.name ? `${props.name}:` : ""}</span>
        <span className={cls}>{summary(props.node)}</span>
      </button>
      {open && (
        <ul role="group" className="tree-group">
          {kids.map((c, i) => (
            <Row key={i} name={c.key} node={c.node} depth={props.depth + 1} />
          ))}
          {moreOf(props.node) > 0 && <li className="tree-row dim">… {moreOf(props.node)} more</li>}
        </ul>
      )}
    </li>
  );
}

/** `entries` as the top level (locals by name), each a collapsible row. */
export function TreeView(props: {
  entries: Array<[string, unknown]>;
  label: string;
  /** Expand the first level of each entry. */
  open?: boolean;
}) {
  if (props.entries.length === 0) return <p className="dim tree-empty">none</p>;
  return (
    <ul className="tree" role="tree" aria-label={props.label}>
      {props.entries.map(([name, node]) => (
        <Row
          key={name}
          name={name}
          node={node as TreeNode}
          depth={0}
          {...(props.open !== undefined ? { open: props.open } : {})}
        />
      ))}
    </ul>
  );
}
