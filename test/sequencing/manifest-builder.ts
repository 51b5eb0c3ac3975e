// Builds Manifest objects by hand for navigator and player tests: terse trees, explicit sequencing.
import type {
  ControlMode,
  Item,
  Manifest,
  Organization,
  PreConditionAction,
  RuleConditionName,
  SequencingDefinition,
} from '../../src/package/types.js';
import { defaultSequencing } from '../../src/package/sequencing-defaults.js';
import type { AttemptState } from '../../src/runtime/types.js';

export interface ItemSpec {
  id: string;
  title?: string;
  children?: ItemSpec[];
  /** Launch URL; leaves get `<id>.html` unless `launch: null`. */
  launch?: string | null;
  visible?: boolean;
  prerequisites?: string;
  controlMode?: Partial<ControlMode>;
  pre?: { action: PreConditionAction; condition: RuleConditionName; not?: boolean }[];
  seq?: (s: SequencingDefinition) => void;
  extra?: Partial<Item>;
}

function sequencing(spec: Pick<ItemSpec, 'controlMode' | 'pre' | 'seq'>): SequencingDefinition | undefined {
  if (!spec.controlMode && !spec.pre && !spec.seq) return undefined;
  const s = defaultSequencing();
  Object.assign(s.controlMode, spec.controlMode);
  for (const r of spec.pre ?? []) {
    s.sequencingRules.preConditionRules.push({
      conditionCombination: 'all',
      conditions: [{ condition: r.condition, operator: r.not ? 'not' : 'noOp', measureThreshold: 0 }],
      action: r.action,
    });
  }
  spec.seq?.(s);
  return s;
}

export function item(spec: ItemSpec): Item {
  const children = (spec.children ?? []).map(item);
  const launchUrl =
    children.length > 0 || spec.launch === null ? undefined : (spec.launch ?? `${spec.id}.html`);
  const it: Item = {
    identifier: spec.id,
    title: spec.title ?? spec.id.toUpperCase(),
    isVisible: spec.visible ?? true,
    children,
    dataMaps: [],
    hideLmsUi: [],
    ...spec.extra,
  };
  if (launchUrl !== undefined) {
    it.launchUrl = launchUrl;
    it.identifierref = `r_${spec.id}`;
    it.resource = {
      identifier: `r_${spec.id}`,
      type: 'webcontent',
      scormType: 'sco',
      href: launchUrl,
      files: [],
      dependencies: [],
    };
  }
  if (spec.prerequisites !== undefined) it.prerequisites = spec.prerequisites;
  const seq = sequencing(spec);
  if (seq) it.sequencing = seq;
  return it;
}

export function manifest(
  version: Manifest['version'],
  items: ItemSpec[],
  root: Pick<ItemSpec, 'controlMode' | 'pre' | 'seq'> & { id?: string; title?: string } = {},
): Manifest {
  const org: Organization = {
    identifier: root.id ?? 'org',
    title: root.title ?? 'Course',
    objectivesGlobalToSystem: true,
    sharedDataGlobalToSystem: true,
    items: items.map(item),
  };
  const seq = sequencing(root);
  if (seq) org.sequencing = seq;
  const resources = [];
  const stack = [...org.items];
  while (stack.length) {
    const it = stack.shift()!;
    if (it.resource) resources.push(it.resource);
    stack.push(...it.children);
  }
  return {
    identifier: 'm',
    version,
    title: org.title,
    defaultOrganization: org,
    organizations: [org],
    resources,
    subManifests: [],
    warnings: [],
  };
}

/** An AttemptState as the runtime would produce it after a session, with the given summary values. */
export function attempt(values: Partial<AttemptState> = {}): AttemptState {
  return {
    scormVersion: '2004',
    entry: '',
    newAttempt: true,
    terminated: true,
    exit: '',
    totalTime: 'PT0S',
    totalSeconds: 0,
    sessionSeconds: 0,
    completionStatus: 'unknown',
    successStatus: 'unknown',
    location: '',
    suspendData: '',
    data: {},
    ...values,
  };
}
