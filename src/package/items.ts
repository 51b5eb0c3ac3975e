// Walking an organization's item tree (CAM 3.4.1.12: items nest in items) in document order, for the many
// places that need every item of it. DOM-free.
import type { Item } from './types.js';

/** Every item of the tree, each before its children, in document order (iterative: any depth). */
export function* eachItem(items: readonly Item[]): Generator<Item> {
  const stack = [...items].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    yield item;
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
  }
}
