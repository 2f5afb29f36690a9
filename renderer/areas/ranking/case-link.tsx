/**
 * A case number in a drill-down list. The case detail (#/cases/<id>) belongs to the case
 * board; while it is not routed, the number is plain text and the list itself carries the
 * case's category, state and times.
 */
export const CASE_DETAIL_ROUTED = false;

export function caseLink(id: number, caseNo: string) {
  if (!CASE_DETAIL_ROUTED) return caseNo;
  return <a href={`#/cases/${id}`}>{caseNo}</a>;
}
