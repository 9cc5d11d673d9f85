/**
 * Breakpoint probes in a user module's JavaScript (what the module loader evaluates, after
 * sucrase has removed the types: line numbers are the source's).
 *
 * Before every statement a probe is inserted ON THE SAME LINE, so line numbers do not move:
 *
 *     __dm_debug.on && __dm_debug.hit(F, LINE, COL, () => ({a, b, t, bio}), (__e) => eval(__e));
 *
 * - `__dm_debug.on` is the one check a probe costs while no breakpoint is set and nothing is
 *   being stepped; the two arrows are only created when it is true.
 * - the first arrow snapshots the names in scope at that statement (periscopic's scopes:
 *   parameters, let/const/var, functions, catch parameters; `let`/`const`/`class` only once
 *   declared, so the snapshot never touches the temporal dead zone);
 * - the second is a direct eval in that frame: watch expressions see the same names.
 *
 * Every ordinary function body (not async, not a generator) also counts the depth of
 * instrumented frames, `__dm_debug.depth++; try { ... } finally { __dm_debug.depth--; }`, which
 * is what "step over" compares (runtime.ts). A statement that is the lone body of an `if`,
 * loop or `else` is wrapped in braces to take its probe.
 *
 * A direct eval makes V8 keep every variable of the enclosing functions alive and slows them
 * down, so a module is only instrumented while it needs to be (runtime.ts decides).
 */

import { parse } from "acorn";
import { walk } from "estree-walker";
import MagicString from "magic-string";
import { analyze, type Scope } from "periscopic";
import type * as ES from "estree";

/** One place a probe was inserted: the statement's first character. */
export interface ProbeSite {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Name of the enclosing function ("map", "ctr", "<module>" at top level). */
  fn: string;
}

export interface Instrumented {
  code: string;
  /** In source order. */
  probes: ProbeSite[];
}

/** Names the loader and sucrase put in scope that are not the user's. */
const HIDDEN = new Set(["require", "exports", "module", "__dm_debug", "__e", "arguments"]);
const SUCRASE_HELPER =
  /^_(interopRequire(Default|Wildcard)|optionalChain(Delete)?|asyncOptionalChain(Delete)?|nullishCoalesce|asyncNullishCoalesce)\d*$/;

type Node = ES.Node & { start: number; end: number; loc?: ES.SourceLocation | null };

/**
 * Insert probes into `js` for file number `fileId`. Throws acorn's SyntaxError on code that does
 * not parse (the loader's own compile reports those first).
 */
export function instrument(js: string, fileId: number): Instrumented {
  const ast = parse(js, {
    ecmaVersion: "latest",
    sourceType: "script",
    locations: true,
    allowReturnOutsideFunction: true,
  }) as unknown as Node;
  const { map: scopes, scope: root } = analyze(ast);
  const s = new MagicString(js);
  const probes: ProbeSite[] = [];
  const hidden = hiddenModuleNames(ast as unknown as ES.Program);

  /** Innermost scope first. */
  const scopeStack: Scope[] = [root];
  const fnStack: string[] = ["<module>"];

  const namesAt = (pos: number): string[] => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (let i = scopeStack.length - 1; i >= 0; i--) {
      const sc = scopeStack[i]!;
      for (const [name, decl] of sc.declarations) {
        if (seen.has(name) || HIDDEN.has(name) || SUCRASE_HELPER.test(name)) continue;
        if (sc === root && hidden.has(name)) continue;
        const d = decl as Node;
        const lexical =
          (d.type === "VariableDeclaration" && d.kind !== "var") || d.type === "ClassDeclaration";
        if (lexical && d.end > pos) continue; // not initialised yet at this statement
        seen.add(name);
        out.push(name);
      }
    }
    return out;
  };

  const probe = (stmt: Node): string => {
    const line = stmt.loc!.start.line;
    const column = stmt.loc!.start.column + 1;
    probes.push({ line, column, fn: fnStack[fnStack.length - 1]! });
    const names = namesAt(stmt.start);
    return (
      `__dm_debug.on && __dm_debug.hit(${fileId}, ${line}, ${column}, () => ({${names.join(", ")}}),` +
      ` (__e) => eval(__e));`
    );
  };

  const wantsProbe = (n: Node): boolean =>
    n.type !== "FunctionDeclaration" &&
    n.type !== "EmptyStatement" &&
    !(
      n.type === "ExpressionStatement" &&
      "directive" in n &&
      (n as { directive?: string }).directive !== undefined
    );

  /** Statements in a list: probe each. */
  const list = (stmts: readonly Node[]): void => {
    for (const st of stmts) if (wantsProbe(st)) s.appendRight(st.start, probe(st));
  };

  /** A lone statement body: wrap it in braces with its probe. */
  const lone = (st: Node | null | undefined): void => {
    if (!st || st.type === "BlockStatement" || !wantsProbe(st)) return;
    s.appendRight(st.start, `{${probe(st)}`);
    wrapped.add(st);
  };
  const wrapped = new Set<Node>();

  walk(ast as ES.Node, {
    enter(raw, parent, key) {
      const node = raw as Node;
      const sc = scopes.get(node);
      if (sc) scopeStack.push(sc);
      switch (node.type) {
        case "Program":
          list((node as unknown as ES.Program).body as unknown as Node[]);
          break;
        case "FunctionDeclaration":
        case "FunctionExpression":
        case "ArrowFunctionExpression": {
          const fn = node as unknown as ES.Function;
          fnStack.push(functionName(fn, parent as Node | null, key));
          const body = fn.body as unknown as Node;
          if (body.type === "BlockStatement" && !fn.async && !fn.generator) {
            const stmts = (body as unknown as ES.BlockStatement).body as unknown as Node[];
            // After the directive prologue, so "use strict" stays a directive.
            let at = body.start + 1;
            for (const st of stmts) {
              if (st.type === "ExpressionStatement" && "directive" in st) at = st.end;
              else break;
            }
            s.appendLeft(at, "__dm_debug.depth++; try {");
          }
          break;
        }
        case "BlockStatement":
          list((node as unknown as ES.BlockStatement).body as unknown as Node[]);
          break;
        case "SwitchCase":
          list((node as unknown as ES.SwitchCase).consequent as unknown as Node[]);
          break;
        case "IfStatement": {
          const n = node as unknown as ES.IfStatement;
          lone(n.consequent as Node);
          lone(n.alternate as Node | null);
          break;
        }
        case "ForStatement":
        case "ForInStatement":
        case "ForOfStatement":
        case "WhileStatement":
        case "DoWhileStatement":
          lone((node as unknown as ES.ForStatement).body as Node);
          break;
      }
    },
    leave(raw) {
      const node = raw as Node;
      if (wrapped.has(node)) s.appendLeft(node.end, "}");
      switch (node.type) {
        case "FunctionDeclaration":
        case "FunctionExpression":
        case "ArrowFunctionExpression": {
          const fn = node as unknown as ES.Function;
          fnStack.pop();
          const body = fn.body as unknown as Node;
          if (body.type === "BlockStatement" && !fn.async && !fn.generator)
            s.appendLeft(body.end - 1, "} finally { __dm_debug.depth--; }");
          break;
        }
      }
      if (scopes.has(node)) scopeStack.pop();
    },
  });

  probes.sort((a, b) => a.line - b.line || a.column - b.column);
  return { code: s.toString(), probes };
}

/** A function's name as a stack trace would give it: its id, or the key or variable it is. */
function functionName(fn: ES.Function, parent: Node | null, key: PropertyKey | null | undefined) {
  if ("id" in fn && fn.id) return fn.id.name;
  if (parent) {
    if ((parent.type === "Property" || parent.type === "MethodDefinition") && key === "value") {
      const k = (parent as unknown as ES.Property).key;
      if (k.type === "Identifier") return k.name;
      if (k.type === "Literal") return String(k.value);
    }
    if (parent.type === "VariableDeclarator") {
      const id = (parent as unknown as ES.VariableDeclarator).id;
      if (id.type === "Identifier") return id.name;
    }
    if (parent.type === "AssignmentExpression") {
      const l = (parent as unknown as ES.AssignmentExpression).left;
      if (l.type === "Identifier") return l.name;
      if (l.type === "MemberExpression" && l.property.type === "Identifier") return l.property.name;
    }
  }
  return "<anonymous>";
}

/**
 * Top-level names that are the module system's, not the user's: what sucrase's imports
 * transform binds to `require(...)` (`var _dmplayground = require('dm-playground')`).
 */
function hiddenModuleNames(program: ES.Program): Set<string> {
  const out = new Set<string>();
  for (const st of program.body) {
    if (st.type !== "VariableDeclaration") continue;
    for (const d of st.declarations) {
      if (d.id.type === "Identifier" && d.init && containsRequire(d.init)) out.add(d.id.name);
    }
  }
  return out;
}

function containsRequire(e: ES.Expression): boolean {
  if (e.type !== "CallExpression") return false;
  if (e.callee.type === "Identifier" && e.callee.name === "require") return true;
  return e.arguments.some((a) => a.type !== "SpreadElement" && containsRequire(a));
}
