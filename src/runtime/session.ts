// One SCO session, shared by both versions: the session's phases, element names checked against the
// version's data model, error codes by situation, commits, change reports, and the attempt state. The public
// API objects (scorm12.ts, scorm2004.ts) only forward their calls here; nothing here knows an element by
// name except through the DataModel.
import { describeAttempt, restoreAttempt } from './attempt-data.js';
import {
  COMMIT,
  DEPENDENCY,
  type DataModel,
  GET_VALUE,
  INITIALIZE,
  READ,
  type Refusal,
  SET_VALUE,
  TERMINATE,
  WRITE,
} from './data-model.js';
import { type ElementPath, isKnownPattern, parseName } from './element-names.js';
import type { AttemptState, RuntimeOptions } from './types.js';
import { ValueTable } from './value-table.js';

const NOT_INITIALIZED = 0;
const RUNNING = 1;
const TERMINATED = 2;

const asString = (x: unknown): string => (x == null ? '' : String(x));
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : asString(error));
const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null;

/** What onCommit returned, when it refused the state (a CommitRefusal): its diagnostic. */
function commitRefusal(answer: unknown): string | undefined {
  if (typeof answer !== 'object' || answer === null || !('diagnostic' in answer)) return undefined;
  return asString((answer as { diagnostic: unknown }).diagnostic) || 'the state could not be saved';
}

export class Session {
  /** The SCO's values by canonical element name ('cmi.location', 'cmi.interactions.0.id'). */
  readonly elementValues: ValueTable;
  /** Record counts by collection ('cmi.interactions', 'cmi.interactions.0.objectives'). */
  readonly recordCounts: Record<string, number>;
  /** What the LMS provides (read-only elements) by element. */
  readonly lmsValues: Record<string, string | undefined> = {};
  /** Seconds of the attempt's earlier sessions (and of this one, once terminated). */
  totalSeconds: number;
  /** This session's cmi.entry. */
  readonly entryValue: AttemptState['entry'];
  #phase = NOT_INITIALIZED;
  #errorCode = 0;
  #diagnostic = '';
  /** cmi.exit as the SCO left it at Terminate. */
  #exitValue = '';
  /** The watched values as last reported to onChange. */
  #reported: Record<string, string> = {};

  constructor(
    readonly options: RuntimeOptions,
    readonly model: DataModel,
  ) {
    const start = restoreAttempt(model, options.resume);
    this.elementValues = new ValueTable(Object.keys(model.collections));
    for (const name in start.elementValues) this.elementValues.set(name, start.elementValues[name]!);
    this.recordCounts = start.recordCounts;
    this.totalSeconds = start.earlierSeconds;
    this.entryValue = start.entryValue;
    model.setUp(this);
    for (const element of model.watchedElements) this.#reported[element] = this.#peek(element);
  }

  /** The session time the SCO has set so far, in seconds. */
  sessionSeconds(): number {
    const value = this.elementValues.get(this.model.sessionTimeElement);
    return value ? this.model.parseTime(value) || 0 : 0;
  }

  #succeed(result: string): string {
    this.#errorCode = 0;
    this.#diagnostic = '';
    return result;
  }

  /** Records an error; returns "" (the result of a failed GetValue). */
  #fail(code: number, why: string, element?: string): string {
    this.#errorCode = code;
    this.#diagnostic = (element === undefined ? why : `${element}: ${why}`).slice(0, 255);
    return '';
  }

  #refused(refusal: Refusal, element: string): string {
    return this.#fail(this.model.codes.byRefusal[refusal.refusalKind]!, refusal.reason, element);
  }

  /** The error of a call made before Initialize or after Terminate. */
  #outOfSession(call: number): string {
    const codes = this.model.codes;
    return this.#phase === TERMINATED
      ? this.#fail(codes.afterTerminate[call]!, 'the session has terminated')
      : this.#fail(codes.beforeInitialize[call]!, 'the session is not initialized');
  }

  #internalError(call: number, error: unknown): string {
    this.#fail(this.model.codes.generalFailure[call]!, 'internal error: ' + messageOf(error));
    return call === GET_VALUE ? '' : 'false';
  }

  #read(path: ElementPath): string | undefined | Refusal {
    const spec = path.spec!;
    return spec.read
      ? spec.read(this, path)
      : (this.elementValues.get(path.canonical) ?? this.lmsValues[path.canonical] ?? spec.initial);
  }

  #peek(element: string): string {
    const value = this.#read(parseName(this.model, element));
    return typeof value === 'string' ? value : '';
  }

  /** True when every record on the way to the element exists. */
  #recordsExist(path: ElementPath): boolean {
    for (const step of path.indexSteps)
      if (step.position >= (this.recordCounts[step.collection] ?? 0)) return false;
    return true;
  }

  /**
   * Hands the state to onCommit. Undefined when it was kept; otherwise why not: onCommit threw, or returned
   * a CommitRefusal (RTE 3.1.7.6: 391 General Commit Failure).
   */
  #save(state: AttemptState): string | undefined {
    try {
      return commitRefusal(this.options.onCommit?.(state));
    } catch (error) {
      return messageOf(error) || 'the state could not be saved';
    }
  }

  initialize(arg: unknown): string {
    const codes = this.model.codes;
    try {
      if (asString(arg)) return (this.#fail(codes.argument, 'the argument must be ""'), 'false');
      if (this.#phase !== NOT_INITIALIZED)
        return (
          this.#fail(
            this.#phase === RUNNING ? codes.alreadyInitialized : codes.afterTerminate[INITIALIZE]!,
            'already initialized',
          ),
          'false'
        );
      this.#phase = RUNNING;
      return this.#succeed('true');
    } catch (error) {
      return this.#internalError(INITIALIZE, error);
    }
  }

  terminate(arg: unknown): string {
    const { model, options } = this;
    try {
      if (asString(arg)) return (this.#fail(model.codes.argument, 'the argument must be ""'), 'false');
      if (this.#phase !== RUNNING) return (this.#outOfSession(TERMINATE), 'false');
      this.totalSeconds = Math.round((this.totalSeconds + this.sessionSeconds()) * 100) / 100;
      model.finishSession(this);
      this.#exitValue = this.elementValues.get(model.exitElement) ?? '';
      this.elementValues.delete(model.exitElement);
      this.#phase = TERMINATED;
      const state = this.attemptState();
      const unsaved = this.#save(state);
      try {
        options.onTerminate?.(state);
      } catch {
        // The app's observer failing is not the content's failure; the state was handed over.
      }
      if (options.onChange) this.#reportChanges();
      model.afterTerminate?.(this);
      return unsaved
        ? (this.#fail(model.codes.commitFailure, 'could not save: ' + unsaved), 'false')
        : this.#succeed('true');
    } catch (error) {
      return this.#internalError(TERMINATE, error);
    }
  }

  commit(arg: unknown): string {
    try {
      if (asString(arg)) return (this.#fail(this.model.codes.argument, 'the argument must be ""'), 'false');
      if (this.#phase !== RUNNING) return (this.#outOfSession(COMMIT), 'false');
      const unsaved = this.#save(this.attemptState());
      return unsaved
        ? (this.#fail(this.model.codes.commitFailure, 'could not save: ' + unsaved), 'false')
        : this.#succeed('true');
    } catch (error) {
      return this.#internalError(COMMIT, error);
    }
  }

  getValue(element: unknown): string {
    const model = this.model;
    const codes = model.codes;
    try {
      if (this.#phase !== RUNNING) return this.#outOfSession(GET_VALUE);
      const name = asString(element);
      if (!name) return this.#fail(codes.emptyName[0], 'no element name');
      const special = model.readSpecial?.(this, name, false);
      if (special !== undefined)
        return typeof special === 'string' ? this.#succeed(special) : this.#refused(special, name);
      const path = parseName(model, name);
      if (path.keyword) return this.#getKeyword(path, name);
      if (!path.spec) return this.#fail(codes.undefinedElement, 'not in the data model', name);
      if (!(path.spec.access & READ)) return this.#fail(codes.writeOnly, 'write-only', name);
      if (!this.#recordsExist(path)) return this.#fail(codes.noRecord, 'no such record', name);
      const value = this.#read(path);
      if (typeof value === 'string') return this.#succeed(value);
      if (isRefusal(value)) return this.#refused(value, name);
      return codes.notInitialized
        ? this.#fail(codes.notInitialized, 'not initialized', name)
        : this.#succeed('');
    } catch (error) {
      return this.#internalError(GET_VALUE, error);
    }
  }

  /** _version, _children and _count. */
  #getKeyword(path: ElementPath, name: string): string {
    const model = this.model;
    const codes = model.codes;
    let value: string | undefined;
    if (path.keyword === '_version') {
      if (path.canonical !== 'cmi') return this.#fail(codes.noVersion, 'only cmi has _version', name);
      value = model.dataModelVersion;
    } else if (path.keyword === '_children') value = model.childrenOf[path.pattern];
    else if (path.pattern in model.collections) value = String(this.recordCounts[path.canonical] ?? 0);
    if (value === undefined) {
      if (!isKnownPattern(model, path.pattern))
        return this.#fail(codes.undefinedElement, 'not in the data model', name);
      return path.keyword === '_count'
        ? this.#fail(codes.notCollection, 'not a collection', name)
        : this.#fail(codes.noChildren, 'has no children', name);
    }
    return this.#recordsExist(path)
      ? this.#succeed(value)
      : this.#fail(codes.noRecord, 'no such record', name);
  }

  setValue(element: unknown, newValue: unknown): string {
    const model = this.model;
    const codes = model.codes;
    try {
      if (this.#phase !== RUNNING) return (this.#outOfSession(SET_VALUE), 'false');
      const name = asString(element);
      const value = asString(newValue);
      if (!name) return (this.#fail(codes.emptyName[1], 'no element name'), 'false');
      const special = model.readSpecial?.(this, name, true);
      if (special !== undefined) return (this.#refused(special as Refusal, name), 'false');
      const path = parseName(model, name);
      const spec = path.spec;
      if (path.keyword)
        return (
          this.#fail(
            isKnownPattern(model, path.pattern) ? codes.keywordSet : codes.undefinedElement,
            'a keyword is read-only',
            name,
          ),
          'false'
        );
      if (!spec) return (this.#fail(codes.undefinedElement, 'not in the data model', name), 'false');
      if (!(spec.access & WRITE)) return (this.#fail(codes.readOnly, 'read-only', name), 'false');
      const steps = path.indexSteps;
      // RTE 4.1.1.2 (2004) / 3.4.2 (1.2): records are added in order, one past the last at most.
      let firstNew = 0;
      for (; firstNew < steps.length; firstNew++) {
        const step = steps[firstNew]!;
        const count = this.recordCounts[step.collection] ?? 0;
        if (step.position > count)
          return (
            this.#fail(codes.recordOutOfOrder, `index ${step.position} is past _count ${count}`, name),
            'false'
          );
        if (step.position === count) {
          const addedBy = model.collections[step.collectionPattern];
          if (addedBy && path.pattern.slice(step.collectionPattern.length + 3) !== addedBy)
            return (
              this.#refused(
                { refusalKind: DEPENDENCY, reason: `set ${addedBy} first to add a record` },
                name,
              ),
              'false'
            );
          for (let j = firstNew + 1; j < steps.length; j++) {
            const later = steps[j]!;
            if (later.position)
              return (
                this.#fail(codes.recordOutOfOrder, `index ${later.position} is past _count 0`, name),
                'false'
              );
          }
          break;
        }
      }
      const refusal = spec.check?.(value, this, path);
      if (refusal) return (this.#refused(refusal, name), 'false');
      for (let j = firstNew; j < steps.length; j++)
        this.recordCounts[steps[j]!.collection] = steps[j]!.position + 1;
      if (!spec.write?.(this, path, value)) {
        const top = steps[0];
        this.elementValues.setParsed(
          path.canonical,
          value,
          top && {
            collection: top.collection,
            position: top.position,
            rest: path.canonical.slice(top.record.length + 1),
          },
        );
      }
      if (this.options.onChange && model.watchedElements.includes(path.canonical)) this.#reportChanges();
      return this.#succeed('true');
    } catch (error) {
      return this.#internalError(SET_VALUE, error);
    }
  }

  /** Reports the watched values that changed since the last report. */
  #reportChanges(): void {
    for (const element of this.model.watchedElements) {
      const value = this.#peek(element);
      if (value === this.#reported[element]) continue;
      this.#reported[element] = value;
      try {
        this.options.onChange?.({ element, value });
      } catch {
        // A failing observer must not fail the content's call.
      }
    }
  }

  lastError(): string {
    return String(this.#errorCode);
  }

  errorString(code: unknown): string {
    try {
      const text = asString(code);
      return (text && this.model.errorStrings[+text]) || '';
    } catch {
      return '';
    }
  }

  diagnostic(code: unknown): string {
    try {
      const text = asString(code);
      return !text || +text === this.#errorCode ? this.#diagnostic : this.errorString(text);
    } catch {
      return '';
    }
  }

  /** The JSON-safe state of the attempt: what the next session needs (see AttemptState). */
  attemptState(): AttemptState {
    const terminated = this.#phase === TERMINATED;
    const state = describeAttempt(this.model, {
      started: this.#phase !== NOT_INITIALIZED,
      terminated,
      entryValue: this.entryValue,
      exitValue: terminated ? this.#exitValue : (this.elementValues.get(this.model.exitElement) ?? ''),
      totalSeconds: this.totalSeconds,
      sessionSeconds: this.sessionSeconds(),
      elementValues: this.elementValues,
      recordCounts: this.recordCounts,
    });
    this.model.summarize(this, state);
    return state;
  }
}
