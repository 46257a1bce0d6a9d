// Open documents and their analysis, built once per version. The text of
// every open document is kept (incremental sync needs it); the parsed form
// only for the few most recently used ones, since a 10,000-line file's tree
// costs megabytes and is rebuilt in tens of milliseconds when needed again.
// Checking a document for diagnostics alone does not make it "used": a
// client that opens many files in the background (a workspace scan) does not
// fill the cache; the files someone looks at (features asked for) stay parsed.
// A tree that is not kept is garbage at once. After the first check of a
// newly opened file (a workspace's files arrive in bursts) and after one is
// pushed out of the cache, heap.ts collects it then, not when V8 would get
// round to it. Not after each edit: a full collection between keystrokes
// slowed the next diagnostics 106 → 240 ms (bench/keystroke.ts, no features
// asked); there V8's own timing holds the heap well enough.

import { TextDocuments } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { buildDocument, checkDocument as runRules, type Diagnostic, type FlowDocument, type RuleInputs } from "../core/index";
import { collectSoon } from "./heap";

export interface CachedDocument {
  uri: string;
  version: number;
  document: FlowDocument;
}

interface Entry extends CachedDocument {
  diagnostics?: Diagnostic[];
}

/** Parsed documents kept at once: enough for the files someone works between. */
const DEFAULT_CAPACITY = 4;

export class FlowDocuments {
  readonly open = new TextDocuments(TextDocument);
  private readonly parsed = new Map<string, Entry>();
  /** open documents built at least once: a first build after the open is the one to collect after */
  private readonly built = new Set<string>();

  constructor(
    private readonly onRuleError: (code: string, error: unknown) => void,
    private readonly capacity = DEFAULT_CAPACITY,
    /** what the rules know besides the text (the document's recorded samples) */
    private readonly inputs: (uri: string) => RuleInputs = () => ({}),
  ) {
    this.open.onDidClose((e) => {
      this.parsed.delete(e.document.uri);
      this.built.delete(e.document.uri);
    });
  }

  version(uri: string): number | undefined {
    return this.open.get(uri)?.version;
  }

  /** The analysis of the document's current version, or undefined when it is not open. */
  get(uri: string): CachedDocument | undefined {
    return this.entry(uri, true);
  }

  /** `use`: a feature needs the document (keep it parsed); false when only its diagnostics are wanted. */
  diagnostics(uri: string, use = true): { version: number; document: FlowDocument; diagnostics: Diagnostic[] } | undefined {
    const entry = this.entry(uri, use);
    if (!entry) return undefined;
    entry.diagnostics ??= runRules(entry.document, this.onRuleError, this.inputs(uri));
    return { version: entry.version, document: entry.document, diagnostics: entry.diagnostics };
  }

  /** The rules' inputs changed (a sample was recorded or edited): check the document again when next asked. */
  dropDiagnostics(uri: string): void {
    const entry = this.parsed.get(uri);
    if (entry) entry.diagnostics = undefined;
  }

  private entry(uri: string, use: boolean): Entry | undefined {
    const text = this.open.get(uri);
    if (!text) return undefined;
    const cached = this.parsed.get(uri);
    const entry = cached && cached.version === text.version ? cached : { uri, version: text.version, document: buildDocument(text.getText()) };
    const firstBuild = !this.built.has(uri);
    this.built.add(uri);
    // A document already cached (an older version) is one being worked on: keep its new version too.
    if (!use && !cached) {
      if (firstBuild) collectSoon();
      return entry;
    }
    // Re-inserting keeps the map in least-recently-used order.
    this.parsed.delete(uri);
    this.parsed.set(uri, entry);
    for (const oldest of this.parsed.keys()) {
      if (this.parsed.size <= this.capacity) break;
      this.parsed.delete(oldest);
      collectSoon();
    }
    return entry;
  }
}
