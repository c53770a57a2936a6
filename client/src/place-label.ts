export interface PlacedReport {
  placeStatus: string;
  place: { name: string; anonymised: boolean; chain: Array<{ name: string }> } | null;
}

/** 金湾区(珠海市·广东省), or 匿名 / 未知 when the report does not say. */
export function placeLabel(r: PlacedReport): string {
  if (!r.place) return r.placeStatus === 'ambiguous' ? '地点不确定' : '地点未知';
  const chain = r.place.chain.map((c) => c.name).join('·');
  const name = r.place.anonymised ? `${r.place.name}(匿名)` : r.place.name;
  return chain ? `${name}(${chain})` : name;
}
