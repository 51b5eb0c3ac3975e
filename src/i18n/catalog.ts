// The shape of a translated catalog: every message id of the English source, each a string or a str``
// template whose ${0}, ${1}, … stand for the source's expressions in order (they may move).
import type { StrResult } from '@lit/localize';
import type { MessageId } from './catalogs/en.js';

export type Catalog = Record<MessageId, string | StrResult>;
