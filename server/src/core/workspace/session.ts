// The workspace as one session, the same for the command line and the language server: which files
// are payloads (and settings and records files), each file checked once per content, the values
// that must be unique across files (clashes.ts), and each file's report: its own problems, its 200s
// across files with related places, the settings' rules and its disable comments applied, and the
// editor's cap on problems. The command line fills it once from its file list; the server updates
// it file by file. Positions come from one line index per content, built on first use and kept; a
// large file on disk keeps no text: only what its reports need, placed once (KEEP_TEXT_BELOW).
import { analyze } from '../engine/check';
import { capProblems } from '../settings/max-problems';
import type { Problem } from '../codes/problem';
import type { UniqueEntry } from '../rules/duplicates';
import { finish } from '../engine/steps';
import { applyRulesAndComments, findDirectives } from '../settings/suppress';
import { checkOptionsOf, needsCheck, sameChecks } from './checked';
import { ClashIndex, relatedMessage, sameKeys } from './clashes';
import { roleOf } from './files';
import { leanEntries } from './lean-entries';
import { fromPostedLean, withoutText, type PostedLean } from './without-text';
import { Entry, NONE } from './session-entry';
import type {
  FileScope,
  PlacedRange,
  RelatedPlace,
  ReportedProblem,
  ReportOptions,
  SessionChanges,
  SessionFile,
  UpdateOptions,
} from './session-types';

/**
 * From this many characters a payload file that is not open keeps no text, only what its reports
 * need (without-text.ts): what it keeps grows with its problems and values, not with its bytes.
 * Below it the text is kept: a small file's text costs less than placing its values (done only if
 * they clash), and a change on disk that leaves it as it was is seen without checking it again.
 */
export const KEEP_TEXT_BELOW = 64 * 1024;

function compareFiles(a: Entry, b: Entry): number {
  const byFolder = (a.scope.folder?.order ?? 0) - (b.scope.folder?.order ?? 0);
  if (byFolder !== 0) return byFolder;
  return a.scope.relPath < b.scope.relPath ? -1 : a.scope.relPath > b.scope.relPath ? 1 : 0;
}

const orNone = <T>(list: readonly T[] | undefined): readonly T[] => (list && list.length > 0 ? list : NONE);

export class WorkspaceSession {
  private readonly files = new Map<string, Entry>();
  private readonly clashes = new ClashIndex<Entry>(compareFiles);
  private contentStamps = 0;
  private changes: SessionChanges = { files: new Set(), clashes: new Set() };
  /** What the files keep, estimated (Entry.bytes). */
  private kept = 0;
  private readonly reports = new WeakMap<Entry, { stamp: string; maxProblems: number | undefined; report: ReportedProblem[] }>();
  /** Each clashing entry's place as related places show it (kept with the entry: a new content has new entries). */
  private readonly relatedPlaces = new WeakMap<UniqueEntry, RelatedPlace>();
  /** Files whose clashing values may not be placed yet (see placeSome). */
  private readonly toPlace = new Set<Entry>();

  /** Checks a file's content (unless the host passes its analysis) and files it; returns what the session holds. */
  update(id: string, text: string, scope: FileScope, options: UpdateOptions = {}): SessionFile {
    const role = options.role ?? roleOf(id);
    let entry: Entry;
    const stamp = ++this.contentStamps;
    const version = options.version ?? null;
    if (role !== 'payload') {
      entry = new Entry({
        id, scope, role, version, isPayload: false, problems: options.problems ?? [], unique: [], directives: [], text, analysis: options.analysis,
        contentStamp: stamp
      });
    } else {
      const checkOptions = checkOptionsOf(scope);
      const own = options.analysis ?? options.checked ? undefined : needsCheck(text, checkOptions) ? analyze(text, checkOptions) : undefined;
      const analysis = options.analysis ?? options.checked ?? own;
      if (!analysis?.isPayload) {
        const kept = version === null ? undefined : text;
        entry = new Entry({
          id, scope, role, version, isPayload: false, problems: orNone(analysis?.problems), unique: NONE, directives: NONE, text: kept,
          analysis: options.analysis, contentStamp: stamp
        });
      } else {
        const directives = options.checked?.directives ?? findDirectives(text);
        if (version === null && text.length >= KEEP_TEXT_BELOW) {
          // Strings of an analysis made in this thread may be slices of the text: they are copied.
          const lean = withoutText(text, analysis.problems, analysis.unique, directives, !options.checked);
          entry = new Entry({
            id, scope, role, version: null, isPayload: true, problems: NONE, packedProblems: lean.problems, unique: NONE, packed: lean.values,
            directives: orNone(directives), contentStamp: stamp, places: lean.places
          });
        } else {
          // An analysis the session made itself is not kept: its unique values are kept lean, unless
          // another file adds one of them already (they are placed soon: this analysis places them).
          const clashesNow = scope.folder !== undefined && analysis.unique.some((u) => this.clashes.files(u.key).some((file) => file.id !== id));
          const unique = own && !clashesNow ? leanEntries(own.unique, text, scope) : analysis.unique;
          entry = new Entry({
            id, scope, role, version, isPayload: true, problems: orNone(analysis.problems), unique, directives: orNone(directives), text,
            analysis: options.analysis, contentStamp: stamp
          });
        }
      }
    }
    this.put(entry);
    return entry;
  }

  /**
   * A large file on disk as a thread checked it, keeping no text (without-text.ts PostedLean): filed
   * as update files one that keeps no text, with no text to hand.
   */
  updateLean(id: string, scope: FileScope, check: PostedLean): SessionFile {
    const lean = fromPostedLean(check);
    const entry = new Entry({
      id, scope, role: 'payload', version: null, isPayload: check.isPayload, problems: NONE, packedProblems: lean.problems, unique: NONE,
      packed: check.isPayload ? lean.values : undefined, directives: orNone(check.directives), contentStamp: ++this.contentStamps, places: lean.places
    });
    this.put(entry);
    return entry;
  }

  /**
   * An open document was closed and its file on disk holds the same text, checked the same way
   * (include, size limit, records): it stays as checked, now as a file on disk (its analysis let
   * go), with no second check. False when the file must be checked again.
   */
  closedAsOnDisk(id: string, text: string, scope: FileScope): boolean {
    const before = this.files.get(id);
    if (!before || before.version === null || !before.isPayload || before.text !== text) return false;
    const was = before.scope;
    if (!sameChecks(checkOptionsOf(scope), checkOptionsOf(was))) return false;
    const stamp = ++this.contentStamps;
    if (text.length >= KEEP_TEXT_BELOW) {
      // The open document's analysis was made in this thread: its strings may be slices of the text.
      const lean = withoutText(text, before.problems, before.unique, before.directives, true);
      this.put(new Entry({
        id, scope, role: before.role, version: null, isPayload: true, problems: NONE, packedProblems: lean.problems, unique: NONE, packed: lean.values,
        directives: before.directives, contentStamp: stamp, places: lean.places
      }));
      return true;
    }
    const unique = leanEntries(before.unique, text, scope);
    this.put(new Entry({
      id, scope, role: before.role, version: null, isPayload: true, problems: before.problems, unique, directives: before.directives, text,
      analysis: undefined, contentStamp: stamp
    }));
    return true;
  }

  /** New settings or records for a file whose content stays (a rule changed): no new check. */
  rescope(id: string, scope: FileScope): void {
    const before = this.files.get(id);
    if (!before) return;
    const stamp = ++this.contentStamps;
    const { role, version, isPayload, packedProblems, packed, directives, text, analysis, places } = before;
    const [problems, unique] = [packedProblems ? NONE : before.problems, packed ? NONE : before.unique];
    this.put(
      new Entry({ id, scope, role, version, isPayload, problems, packedProblems, unique, packed, directives, text, analysis, contentStamp: stamp, places }),
    );
  }

  remove(id: string): void {
    const before = this.files.get(id);
    if (!before) return;
    this.files.delete(id);
    this.kept -= before.bytes;
    this.changes.files.add(id);
    this.reclash(before, undefined);
  }

  get(id: string): SessionFile | undefined {
    return this.files.get(id);
  }

  all(): IterableIterator<SessionFile> {
    return this.files.values();
  }

  get size(): number {
    return this.files.size;
  }

  /** What the files keep, estimated in bytes: their texts (of files on disk), problems, values and places. */
  get keptBytes(): number {
    return this.kept;
  }

  /** What changed since the last call (for the host's notifications). */
  takeChanges(): SessionChanges {
    const changes = this.changes;
    this.changes = { files: new Set(), clashes: new Set() };
    return changes;
  }

  /** A file's report: its own problems and 200s across files, the rules and disable comments applied, capped, placed. */
  report(id: string, options: ReportOptions = {}): ReportedProblem[] {
    return finish(this.reportSteps(id, options));
  }

  /** The same report a step at a time, for a host that yields between slices (kept while the file and its clashes stay). */
  *reportSteps(id: string, options: ReportOptions = {}): Generator<void, ReportedProblem[]> {
    const entry = this.files.get(id);
    if (!entry || this.quiet(entry)) return [];
    const cached = this.reports.get(entry);
    if (cached && cached.stamp === entry.stamp && cached.maxProblems === options.maxProblems) return cached.report;
    const stamp = entry.stamp;
    const report = yield* this.buildReport(entry, options, (problem, range, related) => ({ ...problem, range, related }));
    // Not kept for a file that keeps no text: 1,000 placed problems of each of hundreds of batches.
    if (stamp === entry.stamp && !entry.packed) this.reports.set(entry, { stamp, maxProblems: options.maxProblems, report });
    return report;
  }

  /**
   * The same report, each problem handed to `make` with its range and related places instead of
   * copied: the command line's rows come straight from the engine's problems (millions are not held twice).
   */
  reportAs<T>(id: string, make: (problem: Problem, range: PlacedRange, related: readonly RelatedPlace[]) => T, options: ReportOptions = {}): T[] {
    const entry = this.files.get(id);
    return entry ? finish(this.buildReport(entry, options, make)) : [];
  }

  /**
   * Finds where clashing values stand (each parses its request alone, on the quick path), until
   * `deadline` (Date.now() milliseconds). A report built afterwards only reads positions; a host
   * that must stay responsive calls this in slices first. True when nothing is left to place.
   */
  placeSome(deadline: number): boolean {
    let count = 0;
    for (const entry of this.toPlace) {
      if (this.files.get(entry.id) === entry) {
        while (entry.placed < entry.clashCount) {
          const index = entry.placed++;
          if (this.clashes.clashesAt(entry, index)) entry.clashEntry(index).range();
          if ((++count & 31) === 0 && Date.now() >= deadline) return false;
        }
      }
      this.toPlace.delete(entry);
    }
    return true;
  }

  /** Where the other files add a value (go to definition), in the workspace's order. */
  holders(key: string, exceptId: string): Array<{ id: string; offset: number; length: number; range: PlacedRange }> {
    return this.clashes
      .holders(key)
      .filter((h) => h.file.id !== exceptId)
      .map(({ file, entry }) => {
        const { offset, length } = entry.range();
        return { id: file.id, offset, length, range: file.place(offset, length) };
      });
  }

  private put(entry: Entry): void {
    const before = this.files.get(entry.id);
    this.files.set(entry.id, entry);
    this.kept += entry.bytes - (before?.bytes ?? 0);
    this.changes.files.add(entry.id);
    this.reclash(before, entry);
  }

  /**
   * Moves a file's holders from its old content to its new one. The files that shared one of its
   * old keys, or share one of its new ones, have new clashes (the common case, a file whose values
   * no other file adds, touches nothing).
   */
  private reclash(before: Entry | undefined, after: Entry | undefined): void {
    if (before) this.clashes.remove(before);
    if (after) this.clashes.add(after);
    if (before && after && sameKeys(before, after) && compareFiles(before, after) === 0) {
      // The same values in the same place: only this file's own positions changed.
      if (this.clashesSome(after)) this.toPlace.add(after);
      return;
    }
    let touched: Set<Entry> | undefined;
    const touch = (file: Entry, index: number, least: number) => {
      const files = this.clashes.filesAt(file, index);
      if (files.length < least) return;
      touched ??= new Set();
      for (const holder of files) touched.add(holder);
    };
    // Those left with an old key lost a clash; a new key held by two or more is a clash for all of them.
    for (let i = 0; i < (before?.clashCount ?? 0); i++) touch(before!, i, 1);
    for (let i = 0; i < (after?.clashCount ?? 0); i++) touch(after!, i, 2);
    if (!touched) return;
    for (const file of touched) {
      // Its values are looked at again: one may clash now that was passed over.
      file.placed = 0;
      this.toPlace.add(file);
      if (file === after) continue;
      file.clashStamp++;
      this.changes.clashes.add(file.id);
    }
    this.changes.clashes.add((after ?? before)!.id);
  }

  /** How a message in file `from` names file `other`: its path in the folder, with the folder's name when it is another one. */
  private display(other: Entry, from: Entry): string {
    return other.scope.folder === from.scope.folder ? other.scope.relPath : `${other.scope.folder?.name}/${other.scope.relPath}`;
  }

  /** Nothing to report, known without building it (most files: nothing kept, no garbage made). */
  private quiet(entry: Entry): boolean {
    return entry.problemCount === 0 && entry.directives.length === 0 && !this.clashesSome(entry);
  }

  /** Whether another file adds one of its values. */
  private clashesSome(entry: Entry): boolean {
    for (let i = 0; i < entry.clashCount; i++) if (this.clashes.clashesAt(entry, i)) return true;
    return false;
  }

  /** Where another file adds a value, as every report that names it shows it (made once per entry). */
  private relatedPlace(file: Entry, entry: UniqueEntry): RelatedPlace {
    let place = this.relatedPlaces.get(entry);
    if (!place) {
      const { offset, length } = entry.range();
      place = { id: file.id, offset, length, range: file.place(offset, length), message: relatedMessage(entry) };
      this.relatedPlaces.set(entry, place);
    }
    return place;
  }

  private *buildReport<T>(
    entry: Entry,
    options: ReportOptions,
    make: (problem: Problem, range: PlacedRange, related: readonly RelatedPlace[]) => T,
  ): Generator<void, T[]> {
    type Pending = Problem & { related?: readonly RelatedPlace[] };
    let problems: Pending[] = [...entry.problems];
    if (entry.isPayload) {
      let count = 0;
      for (const cross of this.clashes.crossProblems(entry, (other) => this.display(other, entry))) {
        problems.push({ ...cross.problem, related: cross.related.map(({ file, entry: other }) => this.relatedPlace(file, other)) });
        if (++count % STEP === 0) yield;
      }
      yield;
      problems = applyRulesAndComments(problems, entry.scope.settings.rules, entry.directives, (offset) => entry.lines().line(offset));
    }
    if (options.maxProblems !== undefined) problems = capProblems(problems, options.maxProblems);
    const report: T[] = [];
    for (const problem of problems) {
      if (!problem.related) report.push(make(problem, entry.place(problem.offset, problem.length), NONE));
      else {
        const { related, ...own } = problem;
        report.push(make(own, entry.place(problem.offset, problem.length), related));
      }
      if (report.length % STEP === 0) yield;
    }
    return report;
  }
}

/** Problems per step of a report built in steps. */
const STEP = 250;
