export interface ReportYear {
  /** The year the report is dated or plans for, when stated. */
  year: number | null;
  /** The year its summary covers, when stated. */
  coversYear: number | null;
  evidence: string[];
}

const YEAR = '((?:19|20)\\d{2})年';
const COVERS = new RegExp(
  `${YEAR}(?:度)?(?:以来|上半年|下半年|第[一二三四]季度|全年|工作总结|工作情况|教育工作总结|工作报告|,|,)`,
  'u',
);
const PLANS = new RegExp(
  `${YEAR}(?:度)?(?:[\\p{Script=Han}]{0,8})?(?:工作计划|工作思路|工作要点|工作安排|计划|打算)`,
  'u',
);
const ANON_YEAR = /(?:19|20)(?:[xX]{2}|\*{2})\s?年/u;

/**
 * Report year and covered year from the title first, then the opening of the text.
 * Anonymised years (`20xx`, `20**`) stay unknown, and say so.
 */
export function attributeYear(title: string, body: string): ReportYear {
  const evidence: string[] = [];
  const opening = body.slice(0, 400);
  let coversYear: number | null = null;
  let year: number | null = null;

  const plan = PLANS.exec(title);
  if (plan) {
    year = Number(plan[1]);
    evidence.push(`title plans for ${year}: "${plan[0]}"`);
  }
  const covers = COVERS.exec(title) ?? COVERS.exec(opening);
  if (covers) {
    coversYear = Number(covers[1]);
    evidence.push(`${COVERS.exec(title) ? 'title' : 'opening'} covers ${coversYear}: "${covers[0]}"`);
  }
  if (year === null) {
    const any = new RegExp(YEAR, 'u').exec(title);
    if (any) {
      year = Number(any[1]);
      evidence.push(`title names ${year}`);
    } else if (coversYear !== null) {
      year = coversYear;
    }
  }
  if (coversYear === null && ANON_YEAR.test(opening))
    evidence.push(`covered year anonymised ("${ANON_YEAR.exec(opening)![0]}")`);
  if (year === null && coversYear === null && evidence.length === 0) evidence.push('no year stated');
  return { year, coversYear, evidence };
}
