// Canonical parameter paths, as the rules' records, the code index and hover write them:
// `params.SIP.flow`, `params.publicNo[].phoneNo` (`[]`: an item of a list).

/** A path as shown to users: without `params.` (`SIP.flow`, `publicNo[].phoneNo`). */
export function shownPath(path: string): string {
  return path.replace(/^params\./, '');
}

/** The parameter's own name, as problems name it in their data (`phoneNo`). */
export function paramName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1).replace(/\[\]$/, '');
}

/** The path of `name` inside the object at `object`. */
export function pathIn(object: string, name: string): string {
  return `${object}.${name}`;
}
