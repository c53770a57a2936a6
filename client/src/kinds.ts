import { EntityKindInfo, isEntityKind, REPORT_NODE_COLOR } from '@policygraph/graph-schema';

export function kindColor(kind: string): string {
  return isEntityKind(kind) ? EntityKindInfo[kind].color : REPORT_NODE_COLOR;
}

export function kindLabel(kind: string): string {
  return isEntityKind(kind) ? EntityKindInfo[kind].zh : '报告';
}
