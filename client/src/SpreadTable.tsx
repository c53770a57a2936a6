import type { SpreadRow } from './api';

const years = (r: SpreadRow) =>
  r.firstYear === null ? '年份不详' : r.firstYear === r.lastYear ? `${r.firstYear}` : `${r.firstYear}–${r.lastYear}`;

/** The places that mention the selected entity: the first column of the place × policy matrix. */
export function SpreadTable({ rows }: { rows: SpreadRow[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="spread" data-testid="spread">
      <caption>地区分布</caption>
      <thead>
        <tr>
          <th scope="col">地区</th>
          <th scope="col">报告</th>
          <th scope="col">提及</th>
          <th scope="col">年份</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.place.code}>
            <td title={r.place.code}>
              {r.place.name}
              {r.place.anonymised && '(匿名)'}
            </td>
            <td>{r.reports}</td>
            <td>{r.mentions}</td>
            <td>{years(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
