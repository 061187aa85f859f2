/**
 * Lazy tree-sitter runtime: the web-tree-sitter module is fetched with a dynamic `import()` and its wasm (plus each
 * grammar) is loaded on first use, never during activation. Rules never see tree-sitter nodes: the engine copies the
 * tree into its node model (`syntaxMirror.ts`) once per lint.
 */
import type * as TreeSitter from 'web-tree-sitter';
import { GRAMMAR_WASM, RUNTIME_WASM, grammarOf, type GrammarId, type LintLanguageId } from './languages.js';
import { registerRawModule } from './rawCursor.js';
import type { WasmSource } from './wasmSource.js';

export type TsModule = typeof TreeSitter;
/** A web-tree-sitter node (rules never see these: they work on `syntaxMirror.ts` nodes). */
export type TsNode = TreeSitter.Node;
export type SyntaxTree = TreeSitter.Tree;
export type TsLanguage = TreeSitter.Language;
export type TsParser = TreeSitter.Parser;
export type TsPoint = TreeSitter.Point;

/** A grammar ready to parse: the language and one reusable parser. */
export interface LoadedGrammar {
  readonly id: GrammarId;
  readonly language: TsLanguage;
  readonly parser: TsParser;
  /** The web-tree-sitter module, for constructing `Edit` objects. */
  readonly module: TsModule;
}

export class TreeSitterRuntime {
  private modulePromise: Promise<TsModule> | undefined;
  private readonly grammars = new Map<GrammarId, Promise<LoadedGrammar>>();

  constructor(private readonly wasm: WasmSource) {}

  private loadModule(): Promise<TsModule> {
    this.modulePromise ??= (async () => {
      const [mod, runtimeBytes] = await Promise.all([import('web-tree-sitter'), this.wasm.loadBytes(RUNTIME_WASM)]);
      // Passing the bytes (instead of letting emscripten locate the file) is what makes one code path work in Node,
      // in a browser worker and in the CLI bundle alike.
      // `locateFile` keeps emscripten from resolving the wasm's URL against `import.meta.url`, which a bundled classic
      // script (the web host's lint worker) does not have: `new URL(…, undefined)` would throw before the bytes are used.
      const moduleObject = { wasmBinary: runtimeBytes, locateFile: (file: string) => file };
      await mod.Parser.init(moduleObject);
      // emscripten fills the options object with the module's exports: the mirror walk calls the cursor ones directly.
      registerRawModule(mod, moduleObject);
      return mod;
    })();
    // A failed load (missing wasm) must not poison later attempts, e.g. after the user repairs the install.
    this.modulePromise.catch(() => (this.modulePromise = undefined));
    return this.modulePromise;
  }

  /** Loads (once) the grammar for a language id. */
  grammarFor(languageId: LintLanguageId): Promise<LoadedGrammar> {
    const id = grammarOf(languageId);
    let loaded = this.grammars.get(id);
    if (!loaded) {
      loaded = this.loadGrammar(id);
      this.grammars.set(id, loaded);
      loaded.catch(() => this.grammars.delete(id));
    }
    return loaded;
  }

  private async loadGrammar(id: GrammarId): Promise<LoadedGrammar> {
    const mod = await this.loadModule();
    const bytes = await this.wasm.loadBytes(GRAMMAR_WASM[id]);
    const language = await mod.Language.load(bytes);
    const parser = new mod.Parser();
    parser.setLanguage(language);
    return {
      id,
      language,
      parser,
      module: mod,
    };
  }
}
