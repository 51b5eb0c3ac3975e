// The activity tree (SN 1.2 "Activity Tree"): one node per item, with the organization as the root
// activity. DOM-free. Each node carries the effective sequencing definition: the item's own, else the
// imsss XSD defaults (scorm-reference.md E), so callers never branch on "is there a definition".
import type { Item, Manifest, Organization, SequencingDefinition } from '../package/types.js';
import { defaultSequencing as xsdDefaults } from '../package/sequencing.js';

export interface Activity {
  id: string;
  title: string;
  /** Undefined for the root activity (the organization). */
  item: Item | undefined;
  parent: Activity | undefined;
  children: Activity[];
  /** Position among the parent's children. */
  index: number;
  depth: number;
  /** Position in a preorder walk of the whole tree (SN "activity tree traversal" order). */
  order: number;
  sequencing: SequencingDefinition;
  /** A leaf with a launch URL: something that can be delivered (DB.1.1 requires a leaf). */
  launchable: boolean;
  isVisible: boolean;
}

export interface ActivityTree {
  root: Activity;
  byId: Map<string, Activity>;
  /** Every activity in preorder, the root first. */
  preorder: Activity[];
  /** Leaves in preorder (launchable or not). */
  leaves: Activity[];
}

/**
 * The effective definition where an item has none: the imsss XSD defaults the manifest reader fills in
 * (scorm-reference.md E). SCORM 1.2 has no control modes; Previous/Continue there follow the tree order,
 * so flow is on.
 */
export function defaultSequencing(scorm12: boolean): SequencingDefinition {
  const definition = xsdDefaults();
  definition.controlMode.flow = scorm12;
  return definition;
}

export function buildActivityTree(manifest: Manifest, organization: Organization): ActivityTree {
  const scorm12 = manifest.version === '1.2';
  const byId = new Map<string, Activity>();
  const preorder: Activity[] = [];
  const leaves: Activity[] = [];
  const root: Activity = {
    id: organization.identifier,
    title: organization.title,
    item: undefined,
    parent: undefined,
    children: [],
    index: 0,
    depth: 0,
    order: 0,
    sequencing: (!scorm12 && organization.sequencing) || defaultSequencing(scorm12),
    launchable: false,
    isVisible: true,
  };
  byId.set(root.id, root);
  preorder.push(root);
  // An explicit stack rather than recursion: a 5,000-item (or deeply nested) tree must not blow the stack.
  const stack: { parent: Activity; items: Item[]; next: number }[] = [
    { parent: root, items: organization.items, next: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.items.length) {
      stack.pop();
      continue;
    }
    const item = frame.items[frame.next]!;
    frame.next++;
    const activity: Activity = {
      id: item.identifier,
      title: item.title,
      item,
      parent: frame.parent,
      children: [],
      index: frame.parent.children.length,
      depth: frame.parent.depth + 1,
      order: preorder.length,
      sequencing: (!scorm12 && item.sequencing) || defaultSequencing(scorm12),
      launchable: item.children.length === 0 && item.launchUrl !== undefined,
      isVisible: item.isVisible,
    };
    frame.parent.children.push(activity);
    byId.set(activity.id, activity);
    preorder.push(activity);
    if (item.children.length === 0) leaves.push(activity);
    else stack.push({ parent: activity, items: item.children, next: 0 });
  }
  return { root, byId, preorder, leaves };
}

/** The activities from the root down to `activity`, both included. */
export function pathFromRoot(activity: Activity): Activity[] {
  const path: Activity[] = [];
  for (let a: Activity | undefined = activity; a; a = a.parent) path.push(a);
  return path.reverse();
}

/** SN "common ancestor": the deepest activity that holds both (an activity holds itself). */
export function commonAncestor(a: Activity, b: Activity): Activity {
  const ancestors = new Set(pathFromRoot(a));
  for (let x: Activity | undefined = b; x; x = x.parent) if (ancestors.has(x)) return x;
  return pathFromRoot(a)[0]!;
}

/** Whether `ancestor` is `activity` or one of its ancestors. */
export function isWithin(activity: Activity, ancestor: Activity): boolean {
  for (let x: Activity | undefined = activity; x; x = x.parent) if (x === ancestor) return true;
  return false;
}
