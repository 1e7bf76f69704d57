import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import ts from "typescript";

/** One relative import of a file under src/, resolved to the imported file's path. */
export interface Import {
  from: string;
  to: string;
  /** `import type`, `import { type A }` with every name a type, `export type … from`: erased at build. */
  typeOnly: boolean;
  line: number;
}

/**
 * The relative imports of one TypeScript file, static and dynamic, with `.js` specifiers mapped
 * back to the `.ts` files they name. Packages (`zod`, `node:fs`) are left out.
 * @example importsOf("src/a/b.ts", 'import { f } from "../util/f.js";')
 * // [{ from: "src/a/b.ts", to: "src/util/f.ts", typeOnly: false, line: 1 }]
 */
export function importsOf(path: string, text: string): Import[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith(".")) return;
    const to = posix.normalize(posix.join(posix.dirname(path), specifier)).replace(/\.js$/, ".ts");
    found.push({ from: path, to, typeOnly, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      add(node, node.moduleSpecifier.text, importIsTypeOnly(node.importClause));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly || namedAllTypes(node.exportClause));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) add(node, arg.text, false);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node, node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function importIsTypeOnly(clause: ts.ImportClause | undefined): boolean {
  // A side-effect import (`import "./x.js"`) runs the module: a value import.
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  return namedAllTypes(clause.namedBindings);
}

function namedAllTypes(bindings: ts.NamedImportBindings | ts.NamedExportBindings | undefined): boolean {
  if (!bindings || !(ts.isNamedImports(bindings) || ts.isNamedExports(bindings))) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** Every `.ts` file under a folder, as a repository-relative posix path. */
export function sourceFiles(root: string, folder = "src"): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The import graph of src/. */
export function importGraph(root: string): Import[] {
  return sourceFiles(root).flatMap((path) => importsOf(path, readFileSync(join(root, path), "utf8")));
}
