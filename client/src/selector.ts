// Which documents the extension checks: JSON and JSON with comments on every scheme that holds
// workspace files (the desktop's `file:`, `untitled:`, a remote's `vscode-remote:`, vscode.dev's
// and github.dev's `vscode-vfs:`, @vscode/test-web's `vscode-test-web:`, and the scheme of any
// workspace folder besides), in both builds. Not read-only views of another revision (`git:`,
// a diff's original side, a pull request's base): their text would clash with the working copy.
export const WORKSPACE_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'];
/** Schemes of other revisions, never checked even when a workspace folder uses one. */
export const REVISION_SCHEMES: ReadonlySet<string> = new Set(['git', 'gitlens', 'pr', 'review', 'vscode-scm', 'vscode-local-history']);
export const LANGUAGES: readonly string[] = ['json', 'jsonc'];

/** The document selector: each language on each workspace scheme (the folders' schemes added). */
export function documentSelector(folderSchemes: readonly string[] = []): Array<{ scheme: string; language: string }> {
  const schemes = [...new Set([...WORKSPACE_SCHEMES, ...folderSchemes])].filter((scheme) => !REVISION_SCHEMES.has(scheme));
  return schemes.flatMap((scheme) => LANGUAGES.map((language) => ({ scheme, language })));
}
