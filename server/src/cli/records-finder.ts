// The command line's records snapshots (spec section 6): for each file, `--records FILE` when given,
// else the nearest `.voipnow/records.json` in the file's folder or above it (found the same way as
// `.voipnow/config.json`; standard input looks from the working directory), unless --no-records.
// A records file with problems is part of the report; one with an error is not used.
import { dirname, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, parseRecords, RECORDS_PATH, type Records } from '../core';
import { displayPath, type InputFile } from './files';
import { NearestFile, type LoadedFile } from './nearest-file';
import { readText } from './read';

export interface LoadedRecords extends LoadedFile {
  /** Undefined when the file has an error (it is then not used). */
  records: Records | undefined;
}

export interface CliRecordsOptions {
  /** --records FILE */
  recordsFile?: string;
  /** --no-records */
  noRecords?: boolean;
}

export class CliRecords {
  private readonly files = new Map<string, LoadedRecords>();
  private readonly nearest = new NearestFile(RECORDS_PATH, (absolute) => this.load(absolute));
  private readonly explicit: LoadedRecords | undefined;

  constructor(
    private readonly cwd: string,
    private readonly options: CliRecordsOptions,
  ) {
    if (options.recordsFile !== undefined) this.explicit = this.load(resolve(cwd, options.recordsFile), options.recordsFile);
  }

  /** The records that apply to a file. */
  forInput(input: InputFile): LoadedRecords | undefined {
    if (this.explicit) return this.explicit;
    if (this.options.noRecords) return undefined;
    return this.nearest.find(input.absolute !== undefined ? dirname(input.absolute) : input.root);
  }

  /** The input is a records file (one in use, or any `.voipnow/records.json`): checked as one, not as a payload. */
  asRecordsFile(input: InputFile): LoadedRecords | undefined {
    if (input.absolute === undefined) return undefined;
    const known = this.files.get(input.absolute);
    if (known) return known;
    return input.absolute.replace(/\\/g, '/').endsWith(`/${RECORDS_PATH}`) ? this.load(input.absolute) : undefined;
  }

  /** Every records file read, in display order (their problems are part of the report). */
  loaded(): LoadedRecords[] {
    return [...this.files.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  }

  private load(absolute: string, named?: string): LoadedRecords {
    const cached = this.files.get(absolute);
    if (cached) return cached;
    const display = displayPath(absolute, this.cwd);
    const text = readText(absolute, named ?? display);
    const { records, problems } = parseRecords(text, { display, location: absolute, maxFileSize: DEFAULT_MAX_FILE_SIZE });
    const loaded: LoadedRecords = { absolute, display, text, problems, records };
    this.files.set(absolute, loaded);
    return loaded;
  }
}
